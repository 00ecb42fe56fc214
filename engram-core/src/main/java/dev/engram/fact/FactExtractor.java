package dev.engram.fact;

import dev.engram.model.MemoryItem;
import java.util.List;

/**
 * Finds the facts an episode states. The offline implementation is rule-based; an LLM-backed one
 * (engram-openai) plugs in through this same interface and runs in the background.
 *
 * <p>Implementations must be thread-safe. They return an empty list, never null, when the episode
 * states nothing they recognise, and must not throw on odd text (a failure to extract is not a
 * failure to remember).
 */
@FunctionalInterface
public interface FactExtractor {

  /** The facts {@code episode} states, in text order; every fact's source is {@code episode}. */
  List<Fact> extract(MemoryItem episode);
}
