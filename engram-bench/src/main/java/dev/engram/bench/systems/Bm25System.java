package dev.engram.bench.systems;

import dev.engram.embed.EmbedderInfo;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.read.Context;
import dev.engram.store.InMemoryMemoryStore;
import dev.engram.store.MemoryStore;
import dev.engram.store.ScoredItem;
import dev.engram.store.TimeRange;
import java.util.List;

/**
 * Lexical retrieval only: plain BM25 over each item's own text, packed greedily in rank order.
 *
 * <p>It keeps a private index rather than searching the shared store, because Engram's index keys
 * hold more than the text (its facts, a short round's neighbouring lines, a longer round's user
 * lines again): a baseline that searched them would measure part of Engram. The private index is an
 * {@link InMemoryMemoryStore}, whatever store the run uses; its vectors are a placeholder and are
 * never searched. Not thread-safe; one subject at a time.
 */
public final class Bm25System implements RetrievalSystem {
  private static final EmbedderInfo NO_VECTORS = new EmbedderInfo("bm25-baseline-unused", 1);
  private static final float[] PLACEHOLDER = {1f};

  private final int packDepth;
  private MemoryStore plain = new InMemoryMemoryStore(NO_VECTORS);

  /** @param packDepth how many ranked items the packer may draw from, at least 1 */
  public Bm25System(int packDepth) {
    this.packDepth = packDepth;
  }

  @Override
  public String name() {
    return "bm25";
  }

  @Override
  public void index(SubjectRef owner, List<MemoryItem> items) {
    InMemoryMemoryStore fresh = new InMemoryMemoryStore(NO_VECTORS);
    fresh.add(items.stream()
        .map(item -> item.withKey(item.text()).withEmbedding(PLACEHOLDER)).toList());
    plain = fresh;
  }

  @Override
  public List<MemoryItem> rank(SubjectRef owner, String query, int depth) {
    return plain.searchText(owner, query, depth, TimeRange.ALL).stream()
        .map(ScoredItem::item).toList();
  }

  @Override
  public Context pack(SubjectRef owner, String query, int budget) {
    return BudgetPacker.greedy(query, rank(owner, query, packDepth), budget);
  }
}
