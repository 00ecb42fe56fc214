package dev.engram.bench;

import dev.engram.Engram;
import dev.engram.embed.Embedder;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.write.Segment;
import dev.engram.write.Segmenter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingest speed on the uncached path, in the same run as the quality figures: the first sessions
 * of the first haystack (until {@code rounds} rounds) are embedded directly by the raw model, in
 * one call (its best case: sorted by length, full batches), then remembered through Engram into a
 * fresh store with the same raw model (one {@code rememberAll}, the bulk-import path), then
 * embedded raw again; raw throughput is the mean of the two raw runs, which brackets the ingest in
 * time on a machine whose load drifts. Heap per item is measured around the ingest, after a GC
 * hint.
 */
final class SpeedProbe {
  private static final String SUBJECT = "speed-probe";

  private SpeedProbe() {}

  /**
   * What the probe measured.
   *
   * @param sessions sessions ingested
   * @param rounds rounds embedded and ingested
   * @param estimatedTokens their estimated tokens
   * @param rawRoundsPerSecond the raw model's throughput on those rounds
   * @param ingestRoundsPerSecond Engram's ingest throughput on them, uncached
   * @param ratio ingest over raw
   * @param heapBytesPerItem heap growth per stored item after ingest (store kind {@code store})
   * @param store the store kind the probe ingested into
   */
  record Result(int sessions, int rounds, long estimatedTokens, double rawRoundsPerSecond,
      double ingestRoundsPerSecond, double ratio, double heapBytesPerItem, String store) {}

  static Result run(Haystack haystack, Embedder raw, String storeKind, int targetRounds) {
    List<Session> sessions = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    Segmenter segmenter = new Segmenter();
    for (Session session : haystack.sessions()) {
      if (texts.size() >= targetRounds) {
        break;
      }
      sessions.add(session);
      segmenter.rounds(session).stream().map(Segment::text).forEach(texts::add);
    }
    raw.embed(texts.subList(0, Math.min(32, texts.size()))); // warm-up
    long rawA = time(() -> raw.embed(texts));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heapBefore = usedHeapAfterGc(memory);
    long ingest;
    long heapAfter;
    long items;
    try (StoreSlot slot = StoreSlot.open(storeKind, raw.info());
        Engram engram = Engram.builder().store(slot.store()).embedder(raw)
            .clock(Clock.fixed(haystack.now(), ZoneOffset.UTC)).build()) {
      ingest = time(() -> engram.rememberAll(SUBJECT, sessions));
      heapAfter = usedHeapAfterGc(memory);
      items = slot.store().subjectStats(SubjectRef.of(SUBJECT)).items();
    }
    long rawB = time(() -> raw.embed(texts));
    double rawRate = texts.size() / ((rawA + rawB) / 2e9);
    double ingestRate = texts.size() / (ingest / 1e9);
    long tokens = texts.stream().mapToLong(t -> (t.length() + 3) / 4).sum();
    return new Result(sessions.size(), texts.size(), tokens, rawRate, ingestRate,
        ingestRate / rawRate, items == 0 ? 0 : (double) (heapAfter - heapBefore) / items,
        storeKind);
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
