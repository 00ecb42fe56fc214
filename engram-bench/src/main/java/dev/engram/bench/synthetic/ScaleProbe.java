package dev.engram.bench.synthetic;

import static dev.engram.bench.synthetic.ScaleRun.OWNER;
import static dev.engram.bench.synthetic.ScaleRun.SUBJECT;

import dev.engram.Engram;
import dev.engram.store.MemoryStore;
import dev.engram.store.ScoredItem;
import dev.engram.store.TimeRange;
import java.util.List;

/**
 * Measures the scale run at one size: the exact top 10 of every query (the truth), then, after a
 * warm-up, each query's {@code searchVector} latency and recall@10 and its full {@code recall}
 * latency. Queries run one at a time, as a single user's would. Not thread-safe.
 */
final class ScaleProbe {
  private static final int K = 10;
  private static final int WARMUP = 20;
  private static final int EXACT_TIMED = 10;

  private final MemoryStore store;
  private final Engram engram;
  private final List<String> texts;
  private final float[][] vectors;

  /** @param texts query texts, which {@code engram}'s embedder maps to {@code vectors} */
  ScaleProbe(MemoryStore store, Engram engram, List<String> texts, float[][] vectors) {
    this.store = store;
    this.engram = engram;
    this.texts = texts;
    this.vectors = vectors;
  }

  ScaleStep measure(int items, double addSeconds, double settleSeconds, ExactIndex exact) {
    int[][] truth = exact.topAll(vectors, K);
    Latency exactScan = exactLatency(exact);
    warmUp();
    double[] searchMillis = new double[vectors.length];
    double[] recalls = new double[vectors.length];
    for (int q = 0; q < vectors.length; q++) {
      long t = System.nanoTime();
      List<ScoredItem> hits = store.searchVector(OWNER, vectors[q], K, TimeRange.ALL);
      searchMillis[q] = (System.nanoTime() - t) / 1e6;
      recalls[q] = ExactIndex.overlap(truth[q],
          hits.stream().mapToInt(h -> ScaleRun.index(h.item().id())).toArray());
    }
    double[] recallMillis = new double[vectors.length];
    for (int q = 0; q < vectors.length; q++) {
      long t = System.nanoTime();
      engram.recall(SUBJECT, texts.get(q));
      recallMillis[q] = (System.nanoTime() - t) / 1e6;
    }
    Runtime runtime = Runtime.getRuntime();
    return new ScaleStep(items, addSeconds, settleSeconds, Latency.of(searchMillis),
        Latency.of(recallMillis),
        exactScan, java.util.Arrays.stream(recalls).average().orElse(0),
        java.util.Arrays.stream(recalls).min().orElse(0), store.stats().bytesOnDisk(),
        (runtime.totalMemory() - runtime.freeMemory()) >> 20);
  }

  /** A few single-threaded exact scans, timed: the cost the index saves. */
  private Latency exactLatency(ExactIndex exact) {
    double[] millis = new double[Math.min(EXACT_TIMED, vectors.length)];
    for (int q = 0; q < millis.length; q++) {
      long t = System.nanoTime();
      exact.top(vectors[q], K);
      millis[q] = (System.nanoTime() - t) / 1e6;
    }
    return Latency.of(millis);
  }

  /** Loads the index files and compiles the search path before anything is timed. */
  private void warmUp() {
    for (int q = 0; q < Math.min(WARMUP, vectors.length); q++) {
      store.searchVector(OWNER, vectors[q], K, TimeRange.ALL);
      engram.recall(SUBJECT, texts.get(q));
    }
  }
}
