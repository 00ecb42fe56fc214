package dev.engram.write;

import dev.engram.embed.Vectors;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.model.Tier;
import dev.engram.store.ItemFilter;
import dev.engram.store.MemoryStore;
import dev.engram.store.ScoredItem;
import dev.engram.store.TimeRange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies an {@link AdmissionPolicy} to a subject's new rounds, in order. The novelty momentum is
 * kept per subject in memory and starts at 1 (a memory that has seen nothing finds everything
 * new), so after a restart the first rounds are admitted more easily; that errs on the side of
 * keeping. Thread-safe for calls on different subjects; the write pipeline serialises the rest.
 */
final class NoveltyGate {
  private static final ItemFilter HOT_EPISODES = new ItemFilter(
      EnumSet.of(ItemKind.EPISODE), EnumSet.of(Tier.HOT), TimeRange.ALL, true);

  private final MemoryStore store;
  private final AdmissionPolicy policy;
  private final Map<SubjectRef, Double> momentum = new ConcurrentHashMap<>();

  NoveltyGate(MemoryStore store, AdmissionPolicy policy) {
    this.store = store;
    this.policy = policy;
  }

  AdmissionPolicy policy() {
    return policy;
  }

  /**
   * Decides on {@code rounds} (new episodes with their vectors, in timeline order).
   *
   * @param factBacked for each round, whether a fact pattern matched in it
   * @param gated false for documents: every page is admitted (and momentum is left alone)
   * @return one decision per round, in order
   */
  List<Admission> decide(
      SubjectRef owner, List<MemoryItem> rounds, List<Boolean> factBacked, boolean gated) {
    List<Admission> out = new ArrayList<>(rounds.size());
    if (!gated || !policy.gates()) {
      for (int i = 0; i < rounds.size(); i++) {
        out.add(new Admission(true, 1, 1, null, gated ? "ungated" : "document"));
      }
      return out;
    }
    double m = momentum.getOrDefault(owner, 1.0);
    for (int i = 0; i < rounds.size(); i++) {
      MemoryItem round = rounds.get(i);
      String nearest = null;
      double best = -1;
      for (ScoredItem hit : store.searchVector(owner, round.embedding(), 1, HOT_EPISODES)) {
        nearest = hit.item().id();
        best = hit.score();
      }
      for (int j = 0; j < i; j++) {
        if (!out.get(j).admitted()) {
          continue; // a merged round is cold: nothing merges into it
        }
        double cos = Vectors.dot(round.embedding(), rounds.get(j).embedding());
        if (cos > best) {
          best = cos;
          nearest = rounds.get(j).id();
        }
      }
      double novelty = nearest == null ? 1 : Math.max(0, Math.min(1, 1 - best));
      m = policy.next(m, novelty);
      boolean fact = factBacked.get(i);
      boolean novel = m >= policy.threshold() || nearest == null;
      out.add(new Admission(novel || fact, novelty, m, nearest,
          novel ? "novel" : fact ? "fact" : "near-duplicate"));
    }
    momentum.put(owner, m);
    return out;
  }
}
