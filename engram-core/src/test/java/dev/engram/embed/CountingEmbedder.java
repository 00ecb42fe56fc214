package dev.engram.embed;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helper: an embedder that counts the batch calls and texts it passes to a delegate. */
public class CountingEmbedder implements Embedder {
  /** Calls of {@link #embed}. */
  public final AtomicInteger calls = new AtomicInteger();
  /** Texts passed to {@link #embed}, over all calls. */
  public final AtomicInteger texts = new AtomicInteger();
  private final Embedder delegate;

  public CountingEmbedder(Embedder delegate) {
    this.delegate = delegate;
  }

  @Override
  public EmbedderInfo info() {
    return delegate.info();
  }

  @Override
  public float[][] embed(List<String> batch) {
    calls.incrementAndGet();
    texts.addAndGet(batch.size());
    return delegate.embed(batch);
  }

  @Override
  public float[] embedQuery(String query) {
    return delegate.embedQuery(query);
  }

  /** Does not close the delegate. */
  @Override
  public void close() {}
}
