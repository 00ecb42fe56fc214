package dev.engram.bench.synthetic;

import dev.engram.read.Candidate;
import dev.engram.read.Context;
import dev.engram.read.Explanation;
import dev.engram.read.PackedItem;

/**
 * Where a planted sentence stood in one recall, and why: the first packed item holding it, or, when
 * none was packed, the best candidate holding it and its fate (over budget, near-duplicate) or
 * {@code NOT_RETRIEVED}. Ranks are 1-based; 0 means "not in that list".
 *
 * @param position 1-based position in the context; 0 when not packed
 * @param fate the recall's {@link Explanation.Fate} of that item
 * @param fusedRank rank after reciprocal rank fusion
 * @param textRank BM25 rank
 * @param vectorRank vector-search rank
 */
record Sighting(int position, String fate, int fusedRank, int textRank, int vectorRank) {

  /** Looks for {@code sentence} in the context and, failing that, among its candidates. */
  static Sighting of(Context context, String sentence) {
    for (int i = 0; i < context.items().size(); i++) {
      PackedItem packed = context.items().get(i);
      if (packed.item().text().contains(sentence)) {
        return of(i + 1, context.explain(packed.item().id()));
      }
    }
    Explanation best = null;
    for (Explanation e : context.explanations().values()) {
      Candidate c = e.candidate();
      if (c != null && c.item().text().contains(sentence)
          && (best == null || c.rank() < best.candidate().rank())) {
        best = e;
      }
    }
    return best == null
        ? new Sighting(0, Explanation.Fate.NOT_RETRIEVED.name(), 0, 0, 0)
        : of(0, best);
  }

  private static Sighting of(int position, Explanation e) {
    Candidate c = e.candidate();
    return c == null ? new Sighting(position, e.fate().name(), 0, 0, 0)
        : new Sighting(position, e.fate().name(), c.rank(), c.textRank(), c.vectorRank());
  }

  /** Whether the sentence was in the context. */
  boolean packed() {
    return position > 0;
  }
}
