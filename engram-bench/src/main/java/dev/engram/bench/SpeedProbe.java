package dev.engram.bench;

import dev.engram.Engram;
import dev.engram.embed.Embedder;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.write.EmbeddingInput;
import dev.engram.write.Segment;
import dev.engram.write.Segmenter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingest speed on the uncached path, in the same run as the quality figures. The first sessions
 * of the first haystack (until {@code rounds} rounds) are ingested through Engram (one {@code
 * rememberAll}, the bulk-import path, into a fresh store) and, for comparison, their embedding
 * inputs (what the pipeline embeds: {@link EmbeddingInput}) are embedded by the raw model
 * directly in one call, its best case (sorted by length, full batches).
 *
 * <p>Both paths are warmed up first (the raw model on a batch, the pipeline by one untimed ingest
 * of the same sessions into a throwaway store, which also measures the heap per item after a GC
 * hint), so that neither pays the JIT's start-up while it is timed: the probe measures
 * steady-state throughput. It then alternates raw, ingest, raw, ... for {@link #REPEATS} ingests,
 * each into a fresh store; each ingest is compared with the mean of the raw runs on either side of
 * it (which brackets it in time on a machine whose load drifts), and the repetition with the
 * median ratio is reported.
 */
final class SpeedProbe {
  /** Timed ingests; odd, so that one repetition holds the median. */
  static final int REPEATS = 3;

  private static final String SUBJECT = "speed-probe";

  private SpeedProbe() {}

  /**
   * What the probe measured.
   *
   * @param sessions sessions ingested
   * @param rounds rounds embedded and ingested
   * @param estimatedTokens their estimated tokens
   * @param rawRoundsPerSecond the raw model's throughput on those rounds' embedding inputs, in the
   *     repetition with the median ratio
   * @param ingestRoundsPerSecond Engram's ingest throughput on them, uncached, same repetition
   * @param ratio ingest over raw, the median over the repetitions
   * @param ratios ingest over raw in each repetition, in run order
   * @param heapBytesPerItem heap growth per stored item after ingest (store kind {@code store})
   * @param store the store kind the probe ingested into
   */
  record Result(int sessions, int rounds, long estimatedTokens, double rawRoundsPerSecond,
      double ingestRoundsPerSecond, double ratio, List<Double> ratios, double heapBytesPerItem,
      String store) {}

  static Result run(Haystack haystack, Embedder raw, String storeKind, int targetRounds) {
    List<Session> sessions = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    Segmenter segmenter = new Segmenter();
    for (Session session : haystack.sessions()) {
      if (texts.size() >= targetRounds) {
        break;
      }
      sessions.add(session);
      segmenter.rounds(session).stream()
          .map(segment -> EmbeddingInput.of(segment.text())).forEach(texts::add);
    }
    raw.embed(texts.subList(0, Math.min(32, texts.size())));
    // The warm-up ingest is the whole set, untimed, and measures the heap per item.
    Ingested warmUp = ingest(haystack, raw, storeKind, sessions, true);
    long[] rawNanos = new long[REPEATS + 1];
    long[] ingestNanos = new long[REPEATS];
    rawNanos[0] = time(() -> raw.embed(texts));
    for (int i = 0; i < REPEATS; i++) {
      ingestNanos[i] = ingest(haystack, raw, storeKind, sessions, false).nanos();
      rawNanos[i + 1] = time(() -> raw.embed(texts));
    }
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < REPEATS; i++) {
      ratios.add((rawNanos[i] + rawNanos[i + 1]) / 2.0 / ingestNanos[i]);
    }
    int median = medianIndex(ratios);
    double rawRate = texts.size() / ((rawNanos[median] + rawNanos[median + 1]) / 2e9);
    double ingestRate = texts.size() / (ingestNanos[median] / 1e9);
    long tokens = texts.stream().mapToLong(t -> (t.length() + 3) / 4).sum();
    return new Result(sessions.size(), texts.size(), tokens, rawRate, ingestRate,
        ratios.get(median), List.copyOf(ratios), warmUp.heapBytesPerItem(), storeKind);
  }

  /** One ingest: its {@code rememberAll} time and, if measured, the heap growth per item. */
  private record Ingested(long nanos, double heapBytesPerItem) {}

  /** Remembers {@code sessions} into a fresh store (timing only the {@code rememberAll}). */
  private static Ingested ingest(Haystack haystack, Embedder raw, String storeKind,
      List<Session> sessions, boolean measureHeap) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heapBefore = measureHeap ? usedHeapAfterGc(memory) : 0;
    try (StoreSlot slot = StoreSlot.open(storeKind, raw.info());
        Engram engram = Engram.builder().store(slot.store()).embedder(raw)
            .clock(Clock.fixed(haystack.now(), ZoneOffset.UTC)).build()) {
      long nanos = time(() -> engram.rememberAll(SUBJECT, sessions));
      if (!measureHeap) {
        return new Ingested(nanos, 0);
      }
      long heapAfter = usedHeapAfterGc(memory);
      long items = slot.store().subjectStats(SubjectRef.of(SUBJECT)).items();
      return new Ingested(nanos, items == 0 ? 0 : (double) (heapAfter - heapBefore) / items);
    }
  }

  private static int medianIndex(List<Double> values) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Double.compare(values.get(a), values.get(b)));
    return order.get(order.size() / 2);
  }

  private static long time(Runnable task) {
    long start = System.nanoTime();
    task.run();
    return System.nanoTime() - start;
  }

  private static long usedHeapAfterGc(MemoryMXBean memory) {
    // Two hints: the first may only start a concurrent cycle.
    for (int i = 0; i < 2; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
