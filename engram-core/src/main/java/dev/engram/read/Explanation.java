package dev.engram.read;

/**
 * Why an item ranked where it did for a query, and whether it made it into the context.
 *
 * @param itemId the item asked about
 * @param candidate its fused candidate entry, or null when neither retriever returned it
 * @param fate what happened to it: packed, skipped for budget, dropped as a near-duplicate, or
 *     not retrieved
 * @param detail a one-line human-readable account
 */
public record Explanation(String itemId, Candidate candidate, Fate fate, String detail) {

  /** What became of an item during recall. */
  public enum Fate {
    PACKED,
    PACKED_AS_NEIGHBOUR,
    PACKED_WHOLE_MEMORY,
    PACKED_AS_COMPACT,
    OVER_BUDGET,
    NEAR_DUPLICATE,
    NOT_RETRIEVED
  }

  @Override
  public String toString() {
    return detail;
  }
}
