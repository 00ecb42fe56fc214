package dev.engram.bench.systems;

import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.read.Context;
import dev.engram.store.MemoryStore;
import dev.engram.store.ScoredItem;
import dev.engram.store.TimeRange;
import java.util.List;

/** Lexical retrieval only: the store's BM25 ranking, packed greedily in rank order. */
public final class Bm25System implements RetrievalSystem {
  private final MemoryStore store;
  private final int packDepth;

  /** @param packDepth how many ranked items the packer may draw from, at least 1 */
  public Bm25System(MemoryStore store, int packDepth) {
    this.store = store;
    this.packDepth = packDepth;
  }

  @Override
  public String name() {
    return "bm25";
  }

  @Override
  public List<MemoryItem> rank(SubjectRef owner, String query, int depth) {
    return store.searchText(owner, query, depth, TimeRange.ALL).stream()
        .map(ScoredItem::item).toList();
  }

  @Override
  public Context pack(SubjectRef owner, String query, int budget) {
    return BudgetPacker.greedy(query, rank(owner, query, packDepth), budget);
  }
}
