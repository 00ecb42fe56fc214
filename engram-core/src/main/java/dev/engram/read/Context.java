package dev.engram.read;

import dev.engram.model.MemoryItem;
import java.util.List;
import java.util.Map;

/**
 * The result of recall: the items packed for a query under a token budget, in their packed order,
 * and the rendered prompt text. Immutable and thread-safe.
 *
 * @param query the query
 * @param mode how it was built
 * @param items the packed items in context order
 * @param text the rendered context: one block per item, headed {@code [n] date · session · #seq}
 * @param tokens estimated tokens of {@code text}, never above the budget
 * @param budget the budget it was packed under
 * @param explanations per item id, why each candidate (and each packed item) is or is not here
 */
public record Context(
    String query, Mode mode, List<PackedItem> items, String text, int tokens, int budget,
    Map<String, Explanation> explanations) {

  /** How a context was built. */
  public enum Mode {
    /** The subject has no memory (in the time range). */
    EMPTY,
    /** The whole memory fit the budget and was packed in order. */
    WHOLE_MEMORY,
    /** Hybrid retrieval chose the items. */
    RETRIEVAL
  }

  public Context {
    items = List.copyOf(items);
    explanations = Map.copyOf(explanations);
  }

  /** The packed memory items, in context order. */
  public List<MemoryItem> memoryItems() {
    return items.stream().map(PackedItem::item).toList();
  }

  /**
   * Why {@code itemId} is or is not in this context.
   *
   * @return the explanation; for an id recall never saw, a {@code NOT_RETRIEVED} explanation
   */
  public Explanation explain(String itemId) {
    Explanation known = explanations.get(itemId);
    return known != null
        ? known
        : new Explanation(itemId, null, Explanation.Fate.NOT_RETRIEVED,
            itemId + ": not among the top candidates of either retriever (BM25 or vector)");
  }

  /** The 1-based position of the item in the context, or 0 when it is not packed. */
  public int positionOf(String itemId) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).item().id().equals(itemId)) {
        return i + 1;
      }
    }
    return 0;
  }
}
