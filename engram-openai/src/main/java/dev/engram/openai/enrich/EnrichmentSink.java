package dev.engram.openai.enrich;

import dev.engram.fact.Fact;
import dev.engram.model.MemoryItem;
import java.util.List;

/**
 * Receives what background enrichment produced, to store it and write the audit log. Called on
 * the {@link EnrichmentQueue}'s worker thread, one call at a time; implementations should be
 * quick and must not call back into the queue's {@code close}.
 */
public interface EnrichmentSink {

  /** The facts found in {@code episode}; may be empty. */
  void facts(MemoryItem episode, List<Fact> facts);

  /** The summary written for {@code job}; never empty (empty summaries are not delivered). */
  void summary(SummaryJob job, String summary);

  /**
   * A job failed or was dropped, or an LLM enrichment degraded (endpoint error, invented evidence).
   *
   * @param job what was being done, e.g. {@code facts of item e12}
   * @param reason why, naming the endpoint and status for endpoint errors; never the API key
   */
  void problem(String job, String reason);
}
