package dev.engram.bench.systems;

import dev.engram.embed.Embedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.read.Context;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The usual LangChain4j RAG memory: the same rounds, embedded with the same embedder (through
 * {@link EngramEmbeddingModel}), in an {@link InMemoryEmbeddingStore} filled with one
 * {@code addAll} (single adds are O(n) each), queried through an
 * {@link EmbeddingStoreContentRetriever} with {@code maxResults} = depth and {@code minScore} 0.
 * Each segment carries its item id in the metadata key {@value #ITEM_ID}; the context is packed
 * greedily in rank order. Holds one subject at a time.
 */
public final class LangChain4jSystem implements RetrievalSystem {
  /** The metadata key holding the Engram item id of a segment. */
  public static final String ITEM_ID = "itemId";

  private final EngramEmbeddingModel model;
  private final int packDepth;
  private SubjectRef owner;
  private InMemoryEmbeddingStore<TextSegment> store;
  private Map<String, MemoryItem> items = Map.of();

  /** @param packDepth how many ranked items the packer may draw from, at least 1 */
  public LangChain4jSystem(Embedder embedder, int packDepth) {
    this.model = new EngramEmbeddingModel(embedder);
    this.packDepth = packDepth;
  }

  @Override
  public String name() {
    return "langchain4j";
  }

  @Override
  public void index(SubjectRef subject, List<MemoryItem> timeline) {
    List<String> ids = new ArrayList<>(timeline.size());
    List<TextSegment> segments = new ArrayList<>(timeline.size());
    Map<String, MemoryItem> byId = new HashMap<>();
    for (MemoryItem item : timeline) {
      ids.add(item.id());
      segments.add(TextSegment.from(item.text(), Metadata.from(ITEM_ID, item.id())));
      byId.put(item.id(), item);
    }
    InMemoryEmbeddingStore<TextSegment> fresh = new InMemoryEmbeddingStore<>();
    if (!segments.isEmpty()) {
      List<Embedding> embeddings = model.embedAll(segments).content();
      fresh.addAll(ids, embeddings, segments);
    }
    this.owner = subject;
    this.store = fresh;
    this.items = byId;
  }

  @Override
  public List<MemoryItem> rank(SubjectRef subject, String query, int depth) {
    if (!subject.equals(owner)) {
      throw new IllegalStateException("langchain4j holds " + owner + ", not " + subject
          + "; call index first");
    }
    EmbeddingStoreContentRetriever retriever = EmbeddingStoreContentRetriever.builder()
        .embeddingStore(store)
        .embeddingModel(model)
        .maxResults(depth)
        .minScore(0.0)
        .build();
    List<MemoryItem> ranked = new ArrayList<>();
    for (Content content : retriever.retrieve(Query.from(query))) {
      ranked.add(items.get(content.textSegment().metadata().getString(ITEM_ID)));
    }
    return ranked;
  }

  @Override
  public Context pack(SubjectRef subject, String query, int budget) {
    return BudgetPacker.greedy(query, rank(subject, query, packDepth), budget);
  }
}
