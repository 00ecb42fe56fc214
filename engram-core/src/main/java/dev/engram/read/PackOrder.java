package dev.engram.read;

/** How packed evidence is ordered in the context. */
public enum PackOrder {
  /**
   * Best items at both ends of the context, weaker ones in the middle (rank 1 first, rank 2 last,
   * rank 3 second, ...): readers use the edges of a long context best ("Lost in the Middle").
   */
  EDGES_FIRST,
  /** Timeline order: for questions about time, order and threads. */
  CHRONOLOGICAL,
  /** Best first. */
  RELEVANCE
}
