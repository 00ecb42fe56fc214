package dev.engram.onnx;

import dev.engram.EngramException;
import dev.engram.embed.Embedder;
import dev.engram.embed.EmbedderInfo;
import dev.engram.embed.JointEmbedder;
import dev.engram.model.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

/**
 * Embeds text in process with a {@link BundledModel}, by default bge-small-en-v1.5, int8-quantized:
 * 384 dimensions, L2-normalised, run by ONNX Runtime from the files bundled in the model's
 * LangChain4j artifact.
 *
 * <p>Text past {@value #MAX_TOKENS} word-pieces (about 400 English words) is dropped without a
 * warning: callers chunk long text first. {@link #embed} puts the model's passage prefix before
 * each text and {@link #embedQuery} its query prefix (e5's {@code "passage: "} and {@code
 * "query: "}); bge has neither, so there a query is embedded like any short text.
 *
 * <p>{@link #embed} sorts texts by length, cuts them into batches (at most {@code batchSize} texts
 * and {@code maxBatchTokens} padded tokens) padded to their longest text, and runs the batches on
 * a small pool of daemon threads, one ONNX thread each: on two cores, two runs of one thread beat
 * one run of two. A single batch (a query) runs on the calling thread. Thread-safe;
 * {@link #close} waits for running calls, then frees the native session.
 */
public final class OnnxEmbedder implements Embedder {
  /** The default model's id, which stores record. */
  public static final String MODEL_ID = "bge-small-en-v1.5-q";
  /** The id of {@link #bgeWithE5()}'s vectors. */
  public static final String JOINT_MODEL_ID = "bge-small-en-v1.5-q+e5-small-v2-q";
  /** e5's weight in {@link #bgeWithE5()}, bge's being 1: the best of 0.5, 1, 2 and 4 measured. */
  static final double E5_WEIGHT = 2;
  /** Word-pieces the model reads per text, [CLS] and [SEP] included. */
  public static final int MAX_TOKENS = 512;

  private final EmbedderInfo info;
  private final BundledModel bundled;
  private final int batchSize;
  private final int threads;
  private final int maxBatchTokens;
  private final OnnxModel model;
  private final ExecutorService pool;
  // embed() holds the read lock, close() the write lock: the session is never freed mid-run.
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private boolean closed;

  private OnnxEmbedder(Builder builder) {
    this.batchSize = builder.batchSize;
    this.threads = builder.threads;
    this.maxBatchTokens = builder.maxBatchTokens;
    this.bundled = builder.model;
    this.info = new EmbedderInfo(bundled.id(), OnnxModel.DIMENSION);
    this.model = new OnnxModel(bundled, MAX_TOKENS);
    this.pool = Executors.newFixedThreadPool(builder.threads, daemonThreads());
  }

  /** The bundled model with the {@link Builder} defaults; loading takes about a second. */
  public static OnnxEmbedder bgeSmallEnV15q() {
    return builder().build();
  }

  /** {@link BundledModel#E5_SMALL_V2_Q} with the {@link Builder} defaults. */
  public static OnnxEmbedder e5SmallV2q() {
    return builder().model(BundledModel.E5_SMALL_V2_Q).build();
  }

  /**
   * bge-small and e5-small as one {@link JointEmbedder} of 768 dimensions, e5 weighted twice: the
   * cosine of two texts is a third of bge's plus two thirds of e5's. It finds more evidence than
   * bge alone on LoCoMo (and on LongMemEval with the in-memory store, not with Lucene's BM25) and
   * costs both models' time on every text (docs/bench-notes.md, "A second embedding model").
   * Loading takes about two seconds.
   */
  public static JointEmbedder bgeWithE5() {
    OnnxEmbedder bge = bgeSmallEnV15q();
    try {
      return JointEmbedder.of(JOINT_MODEL_ID,
          List.of(new JointEmbedder.Part(bge, 1), new JointEmbedder.Part(e5SmallV2q(), E5_WEIGHT)));
    } catch (RuntimeException e) {
      bge.close();
      throw e;
    }
  }

  /** A builder to choose the model and set the thread count and batch size. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public EmbedderInfo info() {
    return info;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code texts} or one of them is null
   * @throws IllegalStateException if this embedder is closed
   * @throws EngramException if ONNX Runtime fails or the calling thread is interrupted
   */
  @Override
  public float[][] embed(List<String> texts) {
    Require.nonNull(texts, "texts");
    for (int i = 0; i < texts.size(); i++) {
      Require.nonNull(texts.get(i), "texts[" + i + "]");
    }
    return embedWith(bundled.passagePrefix(), texts);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code query} is null
   * @throws IllegalStateException if this embedder is closed
   * @throws EngramException if ONNX Runtime fails
   */
  @Override
  public float[] embedQuery(String query) {
    return embedWith(bundled.queryPrefix(), List.of(Require.nonNull(query, "query")))[0];
  }

  private float[][] embedWith(String prefix, List<String> texts) {
    List<String> prefixed =
        prefix.isEmpty() ? texts : texts.stream().map(text -> prefix + text).toList();
    lifecycle.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("OnnxEmbedder is closed");
      }
      return embedByLength(prefixed);
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  private float[][] embedByLength(List<String> texts) {
    // Longest first: neighbours in a batch need little padding, and the slowest batches start
    // first so the threads finish together.
    int[] order = IntStream.range(0, texts.size()).boxed()
        .sorted(Comparator.comparingInt((Integer i) -> texts.get(i).length()).reversed())
        .mapToInt(Integer::intValue).toArray();
    List<List<String>> batches = new ArrayList<>();
    // A small call (one session's rounds) still gets one batch per thread, not one batch in all.
    int share = (order.length + threads - 1) / threads;
    for (int start = 0; start < order.length; ) {
      int end = start + Math.min(share, rowsFor(texts.get(order[start]), order.length - start));
      batches.add(IntStream.range(start, end).mapToObj(k -> texts.get(order[k])).toList());
      start = end;
    }
    float[][] out = new float[texts.size()][];
    int k = 0;
    for (float[][] batch : runAll(batches)) {
      for (float[] vector : batch) {
        out[order[k++]] = vector;
      }
    }
    return out;
  }

  /**
   * Texts in a batch whose longest text is {@code longest}: at most {@code batchSize}, and as many
   * as fit in {@code maxBatchTokens} padded tokens (always at least one). Long texts want small
   * batches: 512-token texts in batches of 32 took 25-45% more CPU time each than in batches of 1
   * to 4 (likely as the attention tensors outgrow the caches). Tokens are estimated from
   * characters, generously (English runs at 4 to 6 characters per word-piece).
   */
  private int rowsFor(String longest, int remaining) {
    int tokens = Math.min(MAX_TOKENS, longest.length() / 4 + 2);
    return Math.min(Math.min(batchSize, remaining), maxBatchTokens / tokens);
  }

  private List<float[][]> runAll(List<List<String>> batches) {
    if (batches.size() == 1) {
      return List.<float[][]>of(model.embedBatch(batches.get(0)));
    }
    List<Future<float[][]>> futures = new ArrayList<>();
    for (List<String> batch : batches) {
      futures.add(pool.submit(() -> model.embedBatch(batch)));
    }
    List<float[][]> results = new ArrayList<>();
    try {
      for (Future<float[][]> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngramException("interrupted while embedding", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause
          ? cause : new EngramException("embedding failed", e.getCause());
    } finally {
      futures.forEach(future -> future.cancel(false));
    }
  }

  /** Waits for running {@link #embed} calls, then frees the pool and the native session. */
  @Override
  public void close() {
    lifecycle.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        awaitPoolShutdown();
        model.close();
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
  }

  /** Waits even when interrupted: a caller that was interrupted may have left a batch running. */
  private void awaitPoolShutdown() {
    pool.shutdown();
    boolean interrupted = false;
    while (!pool.isTerminated()) {
      try {
        pool.awaitTermination(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "engram-onnx-embed-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Settings of an {@link OnnxEmbedder}, defaults here: {@code threads} = min(2, available
   * processors), {@code batchSize} = 32 and {@code maxBatchTokens} = 2048, the fastest layout
   * measured on two cores.
   */
  public static final class Builder {
    private BundledModel model = BundledModel.BGE_SMALL_EN_V15_Q;
    private int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
    private int batchSize = 32;
    private int maxBatchTokens = 2048;

    private Builder() {}

    /** The model to run; {@link BundledModel#BGE_SMALL_EN_V15_Q} by default. */
    public Builder model(BundledModel model) {
      this.model = Require.nonNull(model, "model");
      return this;
    }

    /** Batches run at once, each on one core; in [1, 64]. */
    public Builder threads(int threads) {
      this.threads = Require.inRange(threads, 1, 64, "threads");
      return this;
    }

    /** Most texts per ONNX run; in [1, 1024]. */
    public Builder batchSize(int batchSize) {
      this.batchSize = Require.inRange(batchSize, 1, 1024, "batchSize");
      return this;
    }

    /**
     * Most tokens per ONNX run, padding included, estimated from characters; in
     * [{@value OnnxEmbedder#MAX_TOKENS}, 1048576], so that any one text fits.
     */
    public Builder maxBatchTokens(int maxBatchTokens) {
      this.maxBatchTokens = Require.inRange(maxBatchTokens, MAX_TOKENS, 1 << 20, "maxBatchTokens");
      return this;
    }

    /**
     * Loads the model.
     *
     * @throws EngramException if the model or tokenizer is missing from the class path, naming
     *     the artifact to add
     */
    public OnnxEmbedder build() {
      return new OnnxEmbedder(this);
    }
  }
}
