package dev.engram.bench.systems;

import dev.engram.embed.Embedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.read.Context;
import dev.engram.store.MemoryStore;
import dev.engram.store.ScoredItem;
import dev.engram.store.TimeRange;
import java.util.List;

/** Dense retrieval only: the store's vector search, packed greedily in rank order. */
public final class VectorSystem implements RetrievalSystem {
  private final MemoryStore store;
  private final Embedder embedder;
  private final int packDepth;

  /** @param packDepth how many ranked items the packer may draw from, at least 1 */
  public VectorSystem(MemoryStore store, Embedder embedder, int packDepth) {
    this.store = store;
    this.embedder = embedder;
    this.packDepth = packDepth;
  }

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public List<MemoryItem> rank(SubjectRef owner, String query, int depth) {
    float[] vector = embedder.embedQuery(query);
    return store.searchVector(owner, vector, depth, TimeRange.ALL).stream()
        .map(ScoredItem::item).toList();
  }

  @Override
  public Context pack(SubjectRef owner, String query, int budget) {
    return BudgetPacker.greedy(query, rank(owner, query, packDepth), budget);
  }
}
