package dev.engram.read;

import dev.engram.model.MemoryItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every candidate a second vote for its session: the sum of the best {@value #BEST} fused
 * scores among the candidates of that session, divided by the highest such sum, times
 * {@value #WEIGHT}. A session that several candidates come from is about the question as a
 * whole, and a conversation's evidence usually sits in such a session: one that keeps returning
 * to the subject, where a stray match in an unrelated chat scores once. This is the passage to
 * document aggregation of retrieval ("SumP", Dai and Callan, "Deeper Text Understanding for IR
 * with Contextual Neural Language Modeling", 2019) used as a prior on the passages.
 *
 * <p>Only conversation rounds vote by session; a document page counts on its own
 * ({@code sessionOf}). The fused order's first {@value #KEPT} candidates (each retriever's
 * leader, {@link Fusion#PROMOTED}) keep their places: an exact match for a rare name must not
 * sink under a talkative session.
 *
 * <p>Measured with {@code engram bench longmemeval|locomo --systems engram} on all dev questions
 * (docs/bench-notes.md, "Session vote"). With the best three summed, weights 0, 0.2, 0.3, 0.5 and
 * 1 gave, on the in-memory store, LongMemEval session recall_all@5 0.902, 0.906, 0.906, 0.915,
 * 0.919 and turn recall_all@5 0.757, 0.749, 0.745, 0.736, 0.655; LoCoMo recall_all@10 0.737, -,
 * 0.751, 0.751, 0.752. On the Lucene store, which stems its BM25 terms, 0, 0.2, 0.3 and 0.5 gave
 * LongMemEval session recall_all@5 0.906, 0.919, 0.919, 0.919 but turn recall_all@10 0.894,
 * 0.885, 0.885, 0.868. 0.3 takes the session gain on both stores before the turn ranking pays
 * much for it.
 *
 * <p>Stateless and thread-safe.
 */
final class SessionVote {
  /** The weight of the session vote against the fused score, which lies in [0, 1]. */
  static final double WEIGHT = 0.3;
  /** How many of a session's best fused scores are summed. */
  static final int BEST = 3;
  /** How many of the fused order's first candidates keep their places. */
  static final int KEPT = 2;

  private SessionVote() {}

  /**
   * {@code fused} re-ranked by fused score plus the session vote, ranks renumbered; the first
   * {@value #KEPT} stay first. Each returned candidate's {@code fusedScore} includes its vote.
   *
   * @param fused candidates, best first, as {@link Fusion#convex} returns them; not modified
   * @return a new list of the same candidates
   */
  static List<Candidate> apply(List<Candidate> fused) {
    String[] sessions = new String[fused.size()];
    Map<String, List<Double>> scoresBySession = new HashMap<>();
    for (int i = 0; i < fused.size(); i++) {
      sessions[i] = sessionOf(fused.get(i));
      scoresBySession.computeIfAbsent(sessions[i], k -> new ArrayList<>())
          .add(fused.get(i).fusedScore());
    }
    Map<String, Double> sessionScore = new HashMap<>();
    double highest = 0;
    for (Map.Entry<String, List<Double>> entry : scoresBySession.entrySet()) {
      double sum = entry.getValue().stream().sorted(Comparator.reverseOrder()).limit(BEST)
          .mapToDouble(Double::doubleValue).sum();
      sessionScore.put(entry.getKey(), sum);
      highest = Math.max(highest, sum);
    }
    double[] voted = new double[fused.size()];
    List<Integer> byVote = new ArrayList<>(fused.size());
    for (int i = 0; i < fused.size(); i++) {
      Candidate c = fused.get(i);
      double vote = highest > 0 ? sessionScore.get(sessions[i]) / highest : 0;
      voted[i] = c.fusedScore() + WEIGHT * vote;
      byVote.add(i);
    }
    // Ties go to the item earlier in the timeline, as in the fusion, so results are deterministic.
    byVote.sort(Comparator.comparingDouble((Integer i) -> -voted[i])
        .thenComparingLong(i -> fused.get(i).item().subjectSeq()));
    Set<Integer> order = new LinkedHashSet<>();
    for (int i = 0; i < Math.min(KEPT, fused.size()); i++) {
      order.add(i);
    }
    order.addAll(byVote);
    List<Candidate> out = new ArrayList<>(order.size());
    for (int i : order) {
      Candidate c = fused.get(i);
      out.add(new Candidate(c.item(), out.size() + 1, voted[i], c.textRank(), c.textScore(),
          c.vectorRank(), c.vectorScore()));
    }
    return out;
  }

  /**
   * What a candidate's vote is counted under: its session when it is a conversation round (its
   * text opens with a role prefix, {@link TurnCompactor#startsTurn}), else the item itself. A
   * document's pages are parts of one text, not a conversation that returns to a subject, and a
   * long document would outvote a short one by its length alone; counted alone, each page's vote
   * follows its own score, so a memory of documents keeps its fused order.
   */
  private static String sessionOf(Candidate c) {
    MemoryItem item = c.item();
    return TurnCompactor.startsTurn(item.text(), 0)
        ? "session:" + item.session() : "item:" + item.id();
  }
}
