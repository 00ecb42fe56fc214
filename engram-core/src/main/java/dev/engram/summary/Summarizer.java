package dev.engram.summary;

import dev.engram.model.MemoryItem;
import java.util.List;

/**
 * Condenses memory items into a short text: the session (level 1) and subject (level 2) summaries
 * that recall packs first, as a cheap overview beside the verbatim episodes. The offline
 * implementation is extractive (it picks central, salient sentences verbatim); an LLM-backed one
 * (engram-openai) may write abstractive text through this same interface.
 *
 * <p>Implementations must be thread-safe and must not throw on odd text.
 */
@FunctionalInterface
public interface Summarizer {

  /**
   * A summary of {@code items} (given in chronological order) of at most {@code maxTokens}
   * tokens (estimated as characters / 4); empty when there is nothing to say, never null.
   *
   * @throws IllegalArgumentException if {@code maxTokens} is not positive
   */
  String summarize(List<MemoryItem> items, int maxTokens);
}
