/**
 * LLM enrichment that never blocks a write: abstractive summaries and fact extraction through the
 * same {@link dev.engram.summary.Summarizer} and {@link dev.engram.fact.FactExtractor} interfaces
 * as the offline versions.
 *
 * <p>{@link dev.engram.openai.enrich.LlmFactExtractor} asks the model for facts with their
 * evidence sentence and drops a fact whose evidence is not in the episode;
 * {@link dev.engram.openai.enrich.LlmSummarizer} asks for a short third-person summary within the
 * token budget. Both fall back to an offline implementation when the endpoint fails, and report
 * the problem. {@link dev.engram.openai.enrich.EnrichmentQueue} runs them on one background thread
 * after {@code remember} returns, from a bounded queue that drops (and reports) rather than
 * blocks, and hands results to an {@link dev.engram.openai.enrich.EnrichmentSink}, which stores
 * them and writes the audit log.
 */
package dev.engram.openai.enrich;
