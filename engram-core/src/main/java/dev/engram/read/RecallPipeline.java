package dev.engram.read;

import dev.engram.embed.Embedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.read.Explanation.Fate;
import dev.engram.read.PackedItem.Reason;
import dev.engram.store.MemoryStore;
import dev.engram.store.ScoredItem;
import dev.engram.store.SubjectStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read path. When the subject's whole memory fits the budget it is packed entire, in order
 * (small histories are best read whole). Otherwise: BM25 top-N and vector top-N, fused by
 * reciprocal rank; near-duplicates dropped; hits packed best-first under the budget; budget left
 * over filled with the rounds around the best hits; then ordered edges-first or chronologically.
 *
 * <p>Thread-safe; each call works on its own state.
 */
public final class RecallPipeline {
  /** The k of reciprocal rank fusion. */
  public static final int RRF_K = 60;

  private final MemoryStore store;
  private final Embedder embedder;

  public RecallPipeline(MemoryStore store, Embedder embedder) {
    this.store = store;
    this.embedder = embedder;
  }

  /** Recalls and packs memory of {@code owner} for {@code request}; never null. */
  public Context recall(SubjectRef owner, RecallRequest request) {
    SubjectStats stats = store.subjectStats(owner);
    if (stats.items() == 0) {
      return render(request, Context.Mode.EMPTY, List.of(), Map.of());
    }
    if (request.range().isAll() && stats.tokens() <= request.budget()) {
      Context whole = wholeMemory(owner, request, stats);
      if (whole != null) {
        return whole;
      }
    }
    return retrieve(owner, request);
  }

  /** The fused candidates for a query, best first, before packing. */
  public List<Candidate> candidates(SubjectRef owner, RecallRequest request) {
    List<ScoredItem> text =
        store.searchText(owner, request.query(), request.candidates(), request.range());
    float[] query = embedder.embedQuery(request.query());
    List<ScoredItem> vector =
        store.searchVector(owner, query, request.candidates(), request.range());
    return Fusion.reciprocalRank(text, vector, RRF_K);
  }

  private Context retrieve(SubjectRef owner, RecallRequest request) {
    List<Candidate> candidates = candidates(owner, request);
    if (candidates.isEmpty()) {
      return render(request, Context.Mode.EMPTY, List.of(), Map.of());
    }
    Packer packer = new Packer(request.budget(),
        new TurnCompactor(request.query(), request.compactAbove()));
    packer.packHits(candidates);
    if (request.neighbours()) {
      packer.packNeighbours(hit -> neighbours(owner, hit));
    }
    List<PackedItem> ordered = Ordering.apply(packer.packed(), request.order());
    return render(request, Context.Mode.RETRIEVAL, ordered, packer.explanations());
  }

  private List<MemoryItem> neighbours(SubjectRef owner, MemoryItem hit) {
    List<MemoryItem> around = store.sessionRange(
        owner, hit.session(), Math.max(0, hit.sessionSeq() - 1), hit.sessionSeq() + 1);
    List<MemoryItem> out = new ArrayList<>();
    for (MemoryItem item : around) {
      if (!item.id().equals(hit.id())) {
        out.add(item);
      }
    }
    return out;
  }

  private Context wholeMemory(SubjectRef owner, RecallRequest request, SubjectStats stats) {
    List<MemoryItem> all = store.timeline(owner, 0, (int) Math.min(stats.items(), 100_000));
    List<PackedItem> packed = new ArrayList<>();
    Map<String, Explanation> explanations = new HashMap<>();
    int used = 0;
    for (MemoryItem item : all) {
      int cost = ContextRenderer.cost(item);
      used += cost;
      packed.add(new PackedItem(item, Reason.WHOLE_MEMORY, 0, cost));
      explanations.put(item.id(), new Explanation(item.id(), null, Fate.PACKED_WHOLE_MEMORY,
          item.id() + ": packed because the whole memory fits the budget"));
    }
    // Headers cost tokens too; if they tip the total over the budget, fall back to retrieval.
    return used > request.budget()
        ? null
        : render(request, Context.Mode.WHOLE_MEMORY, packed, explanations);
  }

  private static Context render(RecallRequest request, Context.Mode mode, List<PackedItem> items,
      Map<String, Explanation> explanations) {
    StringBuilder text = new StringBuilder();
    int tokens = 0;
    for (int i = 0; i < items.size(); i++) {
      text.append(ContextRenderer.block(i + 1, items.get(i).item()));
      tokens += items.get(i).tokens();
    }
    return new Context(request.query(), mode, items, text.toString().stripTrailing(), tokens,
        request.budget(), explanations);
  }
}
