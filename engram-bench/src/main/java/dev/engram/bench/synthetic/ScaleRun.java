package dev.engram.bench.synthetic;

import dev.engram.Engram;
import dev.engram.embed.Embedder;
import dev.engram.embed.EmbedderInfo;
import dev.engram.lucene.LuceneMemoryStore;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.model.SubjectRef;
import dev.engram.store.MemoryStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Grows one subject of a Lucene store to {@code max} items, batch by batch through
 * {@link MemoryStore#add} (the store call of the write path; {@code Engram.remember} would embed
 * every text), and at each step measures vector search and full recall latency and the ANN
 * recall@10 of the HNSW index against an exact scan. Items are {@link SyntheticVectors}. Not
 * thread-safe.
 */
final class ScaleRun {
  static final String SUBJECT = "scale";
  static final SubjectRef OWNER = SubjectRef.of(SUBJECT);
  private static final Instant BASE = BenchMemory.CLOCK_TIME;

  /**
   * The run's shape.
   *
   * @param steps item counts to measure at, ascending, the last one the run's size
   * @param real real sentences to embed, at least 2
   * @param queries held-out real sentences used as queries, at least 1
   * @param batch items per {@code add} call, in [1, 100,000]
   */
  record Config(List<Integer> steps, int real, int queries, int batch, int budget) {
    Config {
      steps = List.copyOf(steps);
      for (int i = 0; i < steps.size(); i++) {
        if (steps.get(i) < 1 || (i > 0 && steps.get(i) <= steps.get(i - 1))) {
          throw new IllegalArgumentException("steps must be positive and ascending, were " + steps);
        }
      }
      Require.inRange(real, 2, 10_000_000, "real");
      Require.inRange(queries, 1, 100_000, "queries");
      Require.inRange(batch, 1, 100_000, "batch");
    }

    int max() {
      return steps.get(steps.size() - 1);
    }
  }

  /** What the run measured; field meanings on {@link ScaleStep} and {@link ScaleReport}. */
  record Result(int realItems, int queries, double realEmbedSeconds, Latency queryEmbedding,
      List<ScaleStep> steps) {}

  private final Config config;
  private final long seed;

  ScaleRun(Config config, long seed) {
    this.config = config;
    this.seed = seed;
  }

  /** Runs in a (new or empty) store directory; {@code embedder} embeds the real texts. */
  Result run(List<Book> books, Embedder embedder, Path storeDir, BenchProgress progress) {
    requireHeap(embedder.info().dimension());
    List<String> sentences = RealSentences.sample(
        books, config.real() + config.queries(), Seeds.random(seed, "scale-sentences"));
    if (sentences.size() < config.queries() + 2) {
      throw new IllegalArgumentException("the books hold " + sentences.size()
          + " usable sentences; need at least --queries + 2 = " + (config.queries() + 2));
    }
    List<String> queryTexts = sentences.subList(sentences.size() - config.queries(),
        sentences.size());
    List<String> realTexts = sentences.subList(0, sentences.size() - config.queries());
    progress.message("embedding " + realTexts.size() + " real sentences");
    long start = System.nanoTime();
    float[][] realVectors = embedAll(embedder, realTexts);
    double embedSeconds = (System.nanoTime() - start) / 1e9;
    double[] queryMillis = new double[queryTexts.size()];
    float[][] queryVectors = new float[queryTexts.size()][];
    for (int q = 0; q < queryVectors.length; q++) {
      long t = System.nanoTime();
      queryVectors[q] = embedder.embedQuery(queryTexts.get(q));
      queryMillis[q] = (System.nanoTime() - t) / 1e6;
    }
    SyntheticVectors items = new SyntheticVectors(realTexts, realVectors, seed);
    Embedder precomputed = new PrecomputedEmbedder(embedder.info(), queryTexts, queryVectors);
    List<ScaleStep> steps = grow(items, storeDir, embedder.info(), progress,
        store -> Engram.builder().store(store).embedder(precomputed).budget(config.budget())
            .build(),
        (store, engram) -> new ScaleProbe(store, engram, queryTexts, queryVectors));
    return new Result(realTexts.size(), queryTexts.size(), embedSeconds, Latency.of(queryMillis),
        steps);
  }

  /** Fails at once, not after an hour of indexing, when the exact copy cannot fit the heap. */
  private void requireHeap(int dimension) {
    long bytes = (long) config.max() * dimension * Float.BYTES;
    long heap = Runtime.getRuntime().maxMemory();
    if (bytes > heap / 2) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "%,d items x %d floats need %,d MB for the exact-search copy, more than half of the "
              + "%,d MB heap; run java with -Xmx%dg", config.max(), dimension, bytes >> 20,
          heap >> 20, Math.max(2, 4 * bytes / (1L << 30) + 1)));
    }
  }

  private static float[][] embedAll(Embedder embedder, List<String> texts) {
    float[][] out = new float[texts.size()][];
    for (int from = 0; from < texts.size(); from += 1000) {
      List<String> chunk = texts.subList(from, Math.min(texts.size(), from + 1000));
      float[][] vectors = embedder.embed(chunk);
      System.arraycopy(vectors, 0, out, from, vectors.length);
    }
    return out;
  }

  /**
   * Adds items up to each step, then closes and reopens the store before measuring: closing waits
   * for Lucene's background merges, so each size is measured at rest rather than while merges
   * that follow a bulk load hold a core (at a million items those took minutes and about doubled
   * recall latency).
   */
  private List<ScaleStep> grow(SyntheticVectors items, Path storeDir, EmbedderInfo info,
      BenchProgress progress, Function<MemoryStore, Engram> engrams,
      BiFunction<MemoryStore, Engram, ScaleProbe> probes) {
    ExactIndex exact = new ExactIndex(config.max(), info.dimension());
    List<ScaleStep> steps = new ArrayList<>();
    int added = 0;
    MemoryStore store = LuceneMemoryStore.open(storeDir, info, false);
    try {
      for (int step : config.steps()) {
        long start = System.nanoTime();
        progress.message("growing to " + step);
        while (added < step) {
          int end = Math.min(step, added + config.batch());
          store.add(batch(items, added, end, exact));
          progress.step(end - added);
          added = end;
        }
        double addSeconds = (System.nanoTime() - start) / 1e9;
        progress.message("waiting for merges at " + step);
        start = System.nanoTime();
        store.close();
        store = LuceneMemoryStore.open(storeDir, info, false);
        double settleSeconds = (System.nanoTime() - start) / 1e9;
        progress.message("measuring at " + step);
        try (Engram engram = engrams.apply(store)) {
          steps.add(probes.apply(store, engram).measure(step, addSeconds, settleSeconds, exact));
        }
      }
    } finally {
      store.close();
    }
    return steps;
  }

  private List<MemoryItem> batch(SyntheticVectors items, int from, int to, ExactIndex exact) {
    List<MemoryItem> batch = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      float[] vector = items.vector(i);
      exact.add(vector);
      String text = items.text(i);
      batch.add(new MemoryItem(id(i), OWNER, "batch-" + (i / config.batch()), ItemKind.EPISODE,
          i % config.batch(), i, BASE.plusSeconds(i), BASE, text, text, List.of(), "h" + i,
          vector));
    }
    return batch;
  }

  static String id(int index) {
    return String.format(java.util.Locale.ROOT, "item-%08d", index);
  }

  static int index(String id) {
    return Integer.parseInt(id.substring("item-".length()));
  }
}
