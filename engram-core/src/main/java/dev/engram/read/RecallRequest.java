package dev.engram.read;

import dev.engram.model.Require;
import dev.engram.store.TimeRange;
import java.time.Instant;

/**
 * What to recall and how to pack it.
 *
 * @param query free text, non-blank, at most 10,000 characters
 * @param budget the most tokens (estimated, see {@link dev.engram.model.TokenEstimate}) the packed
 *     context may take, in [50, 1,000,000]; default {@value #DEFAULT_BUDGET}
 * @param order evidence order; default {@link PackOrder#EDGES_FIRST}
 * @param range only items whose event time lies in it; default {@link TimeRange#ALL}
 * @param candidates how many hits each retriever (lexical, vector) contributes before fusion, in
 *     [1, 1000]; default {@value #DEFAULT_CANDIDATES}
 * @param neighbours whether budget left after the hits is filled with the rounds next to the best
 *     hits; default true
 * @param compactAbove rounds estimated above this many tokens are packed at turn granularity (the
 *     turns that match the query whole, the others shortened; see the package docs); 0 packs every
 *     round whole; in [0, 1,000,000]; default {@value #DEFAULT_COMPACT_ABOVE}
 * @param questionTime when the question is asked, against which "yesterday" or "two weeks ago"
 *     are read; null means the memory's clock now
 * @param compactShare the share of the budget that summaries and current facts may take, packed
 *     first; in [0, 0.5], 0 packs none; default {@value #DEFAULT_COMPACT_SHARE}
 */
public record RecallRequest(
    String query, int budget, PackOrder order, TimeRange range, int candidates, boolean neighbours,
    int compactAbove, Instant questionTime, double compactShare) {
  /** Default token budget of a packed context. */
  public static final int DEFAULT_BUDGET = 3500;
  /** Default candidates per retriever. */
  public static final int DEFAULT_CANDIDATES = 50;
  /** Default size above which rounds are packed at turn granularity. */
  public static final int DEFAULT_COMPACT_ABOVE = 200;
  /** Default share of the budget for summaries and facts. */
  public static final double DEFAULT_COMPACT_SHARE = 0.05;

  public RecallRequest {
    Require.nonBlank(query, "query");
    if (query.length() > 10_000) {
      throw new IllegalArgumentException(
          "query must be at most 10000 characters, was " + query.length());
    }
    Require.inRange(budget, 50, 1_000_000, "budget");
    Require.nonNull(order, "order");
    Require.nonNull(range, "range");
    Require.inRange(candidates, 1, 1000, "candidates");
    Require.inRange(compactAbove, 0, 1_000_000, "compactAbove");
    if (!(compactShare >= 0 && compactShare <= 0.5)) {
      throw new IllegalArgumentException("compactShare must be in [0, 0.5], was " + compactShare);
    }
  }

  /** A request with these fields and the defaults for question time and compact share. */
  public RecallRequest(String query, int budget, PackOrder order, TimeRange range, int candidates,
      boolean neighbours, int compactAbove) {
    this(query, budget, order, range, candidates, neighbours, compactAbove, null,
        DEFAULT_COMPACT_SHARE);
  }

  /** This request asked at {@code time} (null: the memory's clock). */
  public RecallRequest withQuestionTime(Instant time) {
    return new RecallRequest(query, budget, order, range, candidates, neighbours, compactAbove,
        time, compactShare);
  }

  /** This request with another share of the budget for summaries and facts (0: none). */
  public RecallRequest withCompactShare(double share) {
    return new RecallRequest(query, budget, order, range, candidates, neighbours, compactAbove,
        questionTime, share);
  }

  /** A request with every default. */
  public static RecallRequest of(String query) {
    return new RecallRequest(query, DEFAULT_BUDGET, PackOrder.EDGES_FIRST, TimeRange.ALL,
        DEFAULT_CANDIDATES, true,
        DEFAULT_COMPACT_ABOVE);
  }

  /** This request with another budget. */
  public RecallRequest withBudget(int tokens) {
    return new RecallRequest(query, tokens, order, range, candidates, neighbours, compactAbove,
        questionTime, compactShare);
  }

  /** This request with another order. */
  public RecallRequest withOrder(PackOrder newOrder) {
    return new RecallRequest(query, budget, newOrder, range, candidates, neighbours, compactAbove,
        questionTime, compactShare);
  }

  /** This request restricted to a time range. */
  public RecallRequest withRange(TimeRange newRange) {
    return new RecallRequest(query, budget, order, newRange, candidates, neighbours, compactAbove,
        questionTime, compactShare);
  }

  /** This request with another candidate count. */
  public RecallRequest withCandidates(int count) {
    return new RecallRequest(query, budget, order, range, count, neighbours, compactAbove,
        questionTime, compactShare);
  }

  /** This request with neighbour expansion on or off. */
  public RecallRequest withNeighbours(boolean on) {
    return new RecallRequest(query, budget, order, range, candidates, on, compactAbove,
        questionTime, compactShare);
  }

  /** This request with another compaction threshold (0 packs rounds whole). */
  public RecallRequest withCompactAbove(int tokens) {
    return new RecallRequest(query, budget, order, range, candidates, neighbours, tokens,
        questionTime, compactShare);
  }
}
