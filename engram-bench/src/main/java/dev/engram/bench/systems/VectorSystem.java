package dev.engram.bench.systems;

import dev.engram.embed.Embedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.read.Context;
import dev.engram.store.InMemoryMemoryStore;
import dev.engram.store.MemoryStore;
import dev.engram.store.ScoredItem;
import dev.engram.store.TimeRange;
import dev.engram.write.EmbeddingInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Dense retrieval only: plain cosine search over each item's own text, packed greedily in rank
 * order.
 *
 * <p>It keeps a private index of each item's {@linkplain EmbeddingInput#head first 1,024
 * characters}, embedded with the run's embedder, rather than searching the shared store, because
 * Engram's vectors are made from more than a plain cut (a longer round's user lines first, see
 * {@link EmbeddingInput}): a baseline that searched them would measure part of Engram. The private
 * index is an {@link InMemoryMemoryStore} (exact search), whatever store the run uses. Not
 * thread-safe; one subject at a time.
 */
public final class VectorSystem implements RetrievalSystem {
  private final Embedder embedder;
  private final int packDepth;
  private MemoryStore plain;

  /** @param packDepth how many ranked items the packer may draw from, at least 1 */
  public VectorSystem(Embedder embedder, int packDepth) {
    this.embedder = embedder;
    this.packDepth = packDepth;
    this.plain = new InMemoryMemoryStore(embedder.info());
  }

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public void index(SubjectRef owner, List<MemoryItem> items) {
    float[][] vectors = items.isEmpty() ? new float[0][]
        : embedder.embed(items.stream().map(item -> EmbeddingInput.head(item.text())).toList());
    List<MemoryItem> embedded = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      embedded.add(items.get(i).withEmbedding(vectors[i]));
    }
    InMemoryMemoryStore fresh = new InMemoryMemoryStore(embedder.info());
    fresh.add(embedded);
    plain = fresh;
  }

  @Override
  public List<MemoryItem> rank(SubjectRef owner, String query, int depth) {
    float[] vector = embedder.embedQuery(query);
    return plain.searchVector(owner, vector, depth, TimeRange.ALL).stream()
        .map(ScoredItem::item).toList();
  }

  @Override
  public Context pack(SubjectRef owner, String query, int budget) {
    return BudgetPacker.greedy(query, rank(owner, query, packDepth), budget);
  }
}
