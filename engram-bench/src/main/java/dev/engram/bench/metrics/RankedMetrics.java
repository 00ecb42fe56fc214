package dev.engram.bench.metrics;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Retrieval metrics of one ranked list against one evidence set. Each ranked unit holds a set of
 * evidence ids (a round holds the turn ids it contains; a session unit holds its session id); a
 * unit is <em>relevant</em> when it holds at least one evidence id.
 *
 * <ul>
 *   <li>{@code recall_all@k}: 1 when every evidence id is held by the top k units, else 0;
 *   <li>{@code recall_any@k}: 1 when at least one is;
 *   <li>{@code precision@k}: relevant units in the top k, divided by k;
 *   <li>{@code nDCG@k}: binary relevance, gain 1 / log2(rank + 1), normalised by the ideal list
 *       of {@code min(k, relevantInCorpus)} relevant units;
 *   <li>{@code MRR}: 1 / rank of the first relevant unit anywhere in the list, 0 when none.
 * </ul>
 *
 * <p>Immutable and thread-safe. Evidence must not be empty: a question without evidence has no
 * retrieval score, and the caller leaves it out.
 */
public final class RankedMetrics {
  private final List<Set<String>> ranked;
  private final Set<String> evidence;
  private final int relevantInCorpus;

  /**
   * @param ranked the units best first, each the evidence-comparable ids it holds
   * @param evidence the ids that answer the question, not empty
   * @param relevantInCorpus how many units of the whole haystack are relevant, at least 1 (the
   *     ideal list's length for nDCG)
   */
  public RankedMetrics(List<Set<String>> ranked, Set<String> evidence, int relevantInCorpus) {
    if (evidence.isEmpty()) {
      throw new IllegalArgumentException("evidence must not be empty");
    }
    if (relevantInCorpus < 1) {
      throw new IllegalArgumentException(
          "relevantInCorpus must be at least 1, was " + relevantInCorpus);
    }
    this.ranked = List.copyOf(ranked);
    this.evidence = Set.copyOf(evidence);
    this.relevantInCorpus = relevantInCorpus;
  }

  /** 1 when the top {@code k} units hold every evidence id, else 0. */
  public double recallAll(int k) {
    return covered(k).containsAll(evidence) ? 1 : 0;
  }

  /** 1 when the top {@code k} units hold at least one evidence id, else 0. */
  public double recallAny(int k) {
    return covered(k).isEmpty() ? 0 : 1;
  }

  /** Relevant units among the top {@code k}, divided by {@code k}. */
  public double precision(int k) {
    int relevant = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      relevant += relevant(i) ? 1 : 0;
    }
    return (double) relevant / k;
  }

  /** Normalised discounted cumulative gain at {@code k} with binary relevance. */
  public double ndcg(int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant(i)) {
        dcg += gain(i);
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(k, relevantInCorpus); i++) {
      ideal += gain(i);
    }
    return dcg / ideal;
  }

  /** Reciprocal rank of the first relevant unit, 0 when the list has none. */
  public double mrr() {
    for (int i = 0; i < ranked.size(); i++) {
      if (relevant(i)) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  private Set<String> covered(int k) {
    Set<String> found = new HashSet<>();
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      for (String id : ranked.get(i)) {
        if (evidence.contains(id)) {
          found.add(id);
        }
      }
    }
    return found;
  }

  private boolean relevant(int index) {
    for (String id : ranked.get(index)) {
      if (evidence.contains(id)) {
        return true;
      }
    }
    return false;
  }

  private static double gain(int index) {
    return 1 / (Math.log(index + 2) / Math.log(2));
  }
}
