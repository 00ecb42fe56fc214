package dev.engram.openai.enrich;

/**
 * Counters of an {@link EnrichmentQueue}, a snapshot.
 *
 * @param submitted jobs accepted
 * @param completed jobs that ran and delivered a result
 * @param failed jobs that threw
 * @param dropped jobs refused because the queue was full or closed
 * @param pending accepted jobs not yet finished
 */
public record EnrichmentStats(long submitted, long completed, long failed, long dropped, long pending) {}
