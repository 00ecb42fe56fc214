package dev.engram.read;

import dev.engram.model.MemoryItem;
import dev.engram.store.ScoredItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses the BM25 and vector lists by a convex combination of their min-max normalised scores:
 * score(d) = a * norm(bm25(d)) + (1 - a) * norm(cos(d)), where norm maps each list's lowest score
 * to 0 and its highest to 1 and a list that missed d gives it 0 (Bruch et al., "An Analysis of
 * Fusion Functions for Hybrid Retrieval", 2023). Unlike reciprocal rank fusion it keeps how far
 * apart the scores are: a hit far ahead of the rest in one list stays ahead. Each retriever's top
 * two still go first ({@link #PROMOTED}).
 */
final class Fusion {
  private Fusion() {}

  /**
   * The fused list, best first.
   *
   * @param text BM25 hits, best first
   * @param vector vector hits, best first (scores are cosines)
   * @param textWeight a, the weight of BM25, in [0, 1]
   */
  static List<Candidate> convex(List<ScoredItem> text, List<ScoredItem> vector,
      double textWeight) {
    Map<String, Acc> byId = new LinkedHashMap<>();
    Range textRange = Range.of(text);
    for (int i = 0; i < text.size(); i++) {
      Acc acc = byId.computeIfAbsent(text.get(i).item().id(), id -> new Acc());
      acc.item = text.get(i).item();
      acc.textRank = i + 1;
      acc.textScore = text.get(i).score();
      acc.fused += textWeight * textRange.normalise(acc.textScore);
    }
    Range vectorRange = Range.of(vector);
    for (int i = 0; i < vector.size(); i++) {
      Acc acc = byId.computeIfAbsent(vector.get(i).item().id(), id -> new Acc());
      acc.item = vector.get(i).item();
      acc.vectorRank = i + 1;
      acc.vectorScore = vector.get(i).score();
      acc.fused += (1 - textWeight) * vectorRange.normalise(acc.vectorScore);
    }
    List<Acc> sorted = new ArrayList<>(byId.values());
    // Ties (same fused score) go to the item earlier in the timeline, so results are deterministic.
    sorted.sort(Comparator.comparingDouble((Acc a) -> -a.fused)
        .thenComparingLong(a -> a.item.subjectSeq()));
    sorted = promoteLeaders(sorted, text, vector, byId, PROMOTED);
    List<Candidate> out = new ArrayList<>(sorted.size());
    for (int i = 0; i < sorted.size(); i++) {
      Acc a = sorted.get(i);
      out.add(new Candidate(a.item, i + 1, a.fused, a.textRank, a.textScore, a.vectorRank,
          a.vectorScore));
    }
    return out;
  }

  /** A list's lowest and highest score; a list of one (or of equal scores) maps to 1. */
  private record Range(double min, double max) {
    static Range of(List<ScoredItem> hits) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (ScoredItem hit : hits) {
        min = Math.min(min, hit.score());
        max = Math.max(max, hit.score());
      }
      return new Range(min, max);
    }

    double normalise(double score) {
      return max > min ? (score - min) / (max - min) : 1;
    }
  }

  /**
   * How many of each retriever's best hits go first. With the convex fusion at a = 0.5, promoting
   * 1, 2, 3, 5 and 8 gave LongMemEval session recall_all@5 0.881, 0.877, 0.864, 0.860, 0.864 and
   * evidence in context at 3,500 tokens 0.864, 0.864, 0.860, 0.855, 0.838; LoCoMo recall_all@10
   * 0.709, 0.708, 0.708, 0.710, 0.703 (docs/bench-notes.md, fusion). Two keeps a rare name's exact
   * match on top without crowding out the fused order.
   */
  static final int PROMOTED = 2;

  /**
   * Puts each retriever's top {@code n} first, interleaved (text 1, vector 1, text 2, ...), ahead
   * of the fused order. Any fusion that sums two votes sinks an exact keyword match that the other
   * retriever missed below items both lists hold in the middle, and that is exactly the hit a rare
   * name, number or code deserves.
   */
  private static List<Acc> promoteLeaders(List<Acc> fused, List<ScoredItem> text,
      List<ScoredItem> vector, Map<String, Acc> byId, int n) {
    java.util.LinkedHashSet<Acc> order = new java.util.LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      if (i < text.size()) {
        order.add(byId.get(text.get(i).item().id()));
      }
      if (i < vector.size()) {
        order.add(byId.get(vector.get(i).item().id()));
      }
    }
    order.addAll(fused);
    return new ArrayList<>(order);
  }

  /**
   * Adds {@code weight} times the fused scores of {@code extra} (the same retrievers restricted to
   * a time range) to {@code base}, so items in the range get a second vote; the best {@code
   * promoted} of the extra list go first. Items only in {@code extra} join. Ranks are renumbered.
   */
  static List<Candidate> boost(
      List<Candidate> base, List<Candidate> extra, double weight, int promoted) {
    Map<String, Candidate> byId = new LinkedHashMap<>();
    Map<String, Double> score = new LinkedHashMap<>();
    for (Candidate c : base) {
      byId.put(c.item().id(), c);
      score.put(c.item().id(), c.fusedScore());
    }
    for (Candidate c : extra) {
      byId.putIfAbsent(c.item().id(), c);
      score.merge(c.item().id(), weight * c.fusedScore(), Double::sum);
    }
    List<String> ids = new ArrayList<>(score.keySet());
    ids.sort(Comparator.comparingDouble((String id) -> -score.get(id))
        .thenComparingLong(id -> byId.get(id).item().subjectSeq()));
    java.util.LinkedHashSet<String> order = new java.util.LinkedHashSet<>();
    for (int i = 0; i < Math.min(promoted, extra.size()); i++) {
      order.add(extra.get(i).item().id());
    }
    order.addAll(ids);
    List<Candidate> out = new ArrayList<>(order.size());
    int rank = 1;
    for (String id : order) {
      Candidate c = byId.get(id);
      out.add(new Candidate(c.item(), rank++, score.get(id), c.textRank(), c.textScore(),
          c.vectorRank(), c.vectorScore()));
    }
    return out;
  }

  private static final class Acc {
    MemoryItem item;
    double fused;
    int textRank;
    double textScore;
    int vectorRank;
    double vectorScore;
  }
}
