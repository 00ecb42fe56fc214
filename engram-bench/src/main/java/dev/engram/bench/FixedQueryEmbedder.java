package dev.engram.bench;

import dev.engram.embed.Embedder;
import dev.engram.embed.EmbedderInfo;
import java.util.List;
import java.util.Map;

/**
 * An embedder whose query vectors were computed beforehand, so a timed recall measures retrieval
 * and packing without the query embedding. Queries it does not know, and all passages, go to the
 * delegate. Immutable; thread-safe when the delegate is.
 */
final class FixedQueryEmbedder implements Embedder {
  private final Embedder delegate;
  private final Map<String, float[]> queries;

  FixedQueryEmbedder(Embedder delegate, Map<String, float[]> queries) {
    this.delegate = delegate;
    this.queries = Map.copyOf(queries);
  }

  @Override
  public EmbedderInfo info() {
    return delegate.info();
  }

  @Override
  public float[][] embed(List<String> texts) {
    return delegate.embed(texts);
  }

  @Override
  public float[] embedQuery(String query) {
    float[] known = queries.get(query);
    return known != null ? known : delegate.embedQuery(query);
  }
}
