package dev.engram.read;

import dev.engram.model.MemoryItem;

/**
 * An item in a packed context.
 *
 * @param item the item
 * @param reason why it is there
 * @param rank its 1-based fused rank for {@link Reason#HIT}; for a neighbour, the rank of the hit
 *     it neighbours; 0 for {@link Reason#WHOLE_MEMORY}
 * @param tokens tokens it takes in the rendered context
 */
public record PackedItem(MemoryItem item, Reason reason, int rank, int tokens) {

  /** Why an item was packed. */
  public enum Reason {
    /** Retrieved for the query. */
    HIT,
    /** The round just before or after a hit, packed with budget left over. */
    NEIGHBOUR,
    /** The subject's whole memory fit the budget, so all of it was packed. */
    WHOLE_MEMORY,
    /** A session or subject summary, packed first within the compact share of the budget. */
    SUMMARY,
    /** A current fact relevant to the query, packed first within the compact share. */
    FACT
  }
}
