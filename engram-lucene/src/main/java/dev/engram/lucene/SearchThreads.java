package dev.engram.lucene;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that search an index's segments in parallel, one per core, shared by every store in
 * the JVM. A large memory lives in tens of segments, and one query searches each of them (HNSW and
 * BM25); spreading those over the cores cuts a single recall's latency (at a million items on two
 * cores, HNSW search took 29.6 ms p50 on the caller alone and 15.7 ms with the pool:
 * docs/bench-notes.md, recall at a million items). The pool is shared because the work
 * is CPU-bound: more threads than cores would only queue. Lucene's caller thread also runs
 * segments that no pool thread has started, so a busy pool never blocks a search. Daemon threads:
 * nothing to shut down.
 */
final class SearchThreads {
  private static final ExecutorService SHARED = create(Runtime.getRuntime().availableProcessors());

  private SearchThreads() {}

  /** The JVM-wide search pool. */
  static ExecutorService shared() {
    return SHARED;
  }

  private static ExecutorService create(int threads) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(Math.max(1, threads), task -> {
      Thread thread = new Thread(task, "engram-search-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }
}
