package dev.engram.store;

import dev.engram.model.MemoryItem;
import dev.engram.model.Require;

/**
 * A search hit.
 *
 * @param item the item, without its vector
 * @param score the backend's score (BM25 or cosine similarity); higher is better; comparable only
 *     within one result list
 */
public record ScoredItem(MemoryItem item, double score) {
  public ScoredItem {
    Require.nonNull(item, "item");
  }
}
