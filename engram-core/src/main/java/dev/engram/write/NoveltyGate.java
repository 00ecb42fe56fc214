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
   * The gate for one bulk call whose new rounds have {@code vectors} (in call order). It looks up
   * each round's nearest stored hot episode a window of rounds at a time, before the window's
   * rounds are written, and compares each round with the window's earlier admitted rounds in
   * memory: so a batching store is read (and shows its pending writes) once per window rather
   * than once per session.
   */
  Call call(SubjectRef owner, float[][] vectors) {
    return new Call(owner, vectors);
  }

  /** Rounds of one call looked up in the store together, at most. */
  static final int WINDOW = 2048;

  /** The gate's state for one call; see {@link #call}. Not thread-safe (one writer). */
  final class Call {
    private final SubjectRef owner;
    private final float[][] vectors;
    private final ScoredItem[] stored;
    private final List<MemoryItem> admitted = new ArrayList<>();
    private int windowEnd;

    private Call(SubjectRef owner, float[][] vectors) {
      this.owner = owner;
      this.vectors = vectors;
      this.stored = new ScoredItem[vectors.length];
    }

    /**
     * Decides on {@code rounds} (new episodes with their vectors, in timeline order), which are
     * the call's rounds from index {@code offset} on.
     *
     * @param factBacked for each round, whether a fact pattern matched in it
     * @param gated false for documents: every page is admitted (and momentum is left alone)
     * @return one decision per round, in order
     */
    List<Admission> decide(
        List<MemoryItem> rounds, List<Boolean> factBacked, boolean gated, int offset) {
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
        ScoredItem hit = storedNearest(offset + i);
        String nearest = hit == null ? null : hit.item().id();
        double best = hit == null ? -1 : hit.score();
        for (MemoryItem earlier : admitted) {
          double cos = Vectors.dot(round.embedding(), earlier.embedding());
          if (cos > best) {
            best = cos;
            nearest = earlier.id();
          }
        }
        double novelty = nearest == null ? 1 : Math.max(0, Math.min(1, 1 - best));
        m = policy.next(m, novelty);
        boolean fact = factBacked.get(i);
        boolean novel = m >= policy.threshold() || nearest == null;
        out.add(new Admission(novel || fact, novelty, m, nearest,
            novel ? "novel" : fact ? "fact" : "near-duplicate"));
        if (novel || fact) {
          admitted.add(round); // a merged round is cold: nothing merges into it
        }
      }
      momentum.put(owner, m);
      return out;
    }

    /** The nearest hot episode stored before the window of round {@code index}, or null. */
    private ScoredItem storedNearest(int index) {
      if (index >= windowEnd) {
        // A new window: the store now shows every earlier window's rounds, so forget them here.
        admitted.clear();
        windowEnd = Math.min(vectors.length, index + WINDOW);
        for (int j = index; j < windowEnd; j++) {
          List<ScoredItem> hits = store.searchVector(owner, vectors[j], 1, HOT_EPISODES);
          stored[j] = hits.isEmpty() ? null : hits.get(0);
        }
      }
      return stored[index];
    }
  }
}
