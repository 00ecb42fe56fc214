package dev.engram.openai.enrich;

import dev.engram.fact.FactExtractor;
import dev.engram.fact.Fact;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.summary.Summarizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs fact extraction and summarisation in the background, after {@code remember} has returned,
 * so a slow or failing model never blocks or fails a write.
 *
 * <p>Jobs run one at a time on one daemon thread named {@code engram-enrichment-N}, in submission
 * order, from a queue of at most {@code capacity} jobs. Submitting never blocks: when the queue is
 * full (or closed) the job is dropped, counted and reported to the sink as a problem. A job that
 * throws is reported the same way and does not stop the next. Results go to the
 * {@link EnrichmentSink}. Thread-safe.
 */
public final class EnrichmentQueue implements AutoCloseable {
  private static final AtomicInteger QUEUES = new AtomicInteger();

  private final FactExtractor extractor;
  private final Summarizer summarizer;
  private final EnrichmentSink sink;
  private final int summaryTokens;
  private final ThreadPoolExecutor worker;
  private final Object lock = new Object();
  private long submitted;
  private long completed;
  private long failed;
  private long dropped;

  /**
   * @param extractor finds facts in episodes, e.g. {@link LlmFactExtractor}
   * @param summarizer writes session summaries, e.g. {@link LlmSummarizer}
   * @param sink receives results and problems
   * @param capacity most jobs waiting, in [1, 100000]
   * @param summaryTokens budget of the session summaries {@link #afterRemember} asks for, in [1, 4096]
   */
  public EnrichmentQueue(FactExtractor extractor, Summarizer summarizer, EnrichmentSink sink,
      int capacity, int summaryTokens) {
    this.extractor = Require.nonNull(extractor, "extractor");
    this.summarizer = Require.nonNull(summarizer, "summarizer");
    this.sink = Require.nonNull(sink, "sink");
    Require.inRange(capacity, 1, 100_000, "capacity");
    this.summaryTokens = Require.inRange(summaryTokens, 1, 4096, "summaryTokens");
    String name = "engram-enrichment-" + QUEUES.incrementAndGet();
    this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(capacity), task -> {
          Thread thread = new Thread(task, name);
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * Queues the follow-up work for items just remembered: facts for each episode, and one summary
   * per session of everything in {@code sessionItems} for that session.
   *
   * @param added the items the write stored
   * @param sessionItems every item of each touched session, chronological (the summary covers
   *     the whole session, not only what was added); may be {@code added} itself
   * @return how many jobs were accepted
   */
  public int afterRemember(List<MemoryItem> added, List<MemoryItem> sessionItems) {
    int accepted = 0;
    for (MemoryItem item : added) {
      if (item.kind() == ItemKind.EPISODE && submitFacts(item)) {
        accepted++;
      }
    }
    Map<String, List<MemoryItem>> bySession = new LinkedHashMap<>();
    for (MemoryItem item : sessionItems) {
      if (item.kind() == ItemKind.EPISODE) {
        bySession.computeIfAbsent(item.owner() + "\u0000" + item.session(), k -> new ArrayList<>()).add(item);
      }
    }
    for (List<MemoryItem> items : bySession.values()) {
      MemoryItem first = items.get(0);
      if (submitSummary(new SummaryJob(first.owner(), first.session(), items, summaryTokens))) {
        accepted++;
      }
    }
    return accepted;
  }

  /** Queues fact extraction for {@code episode}; false when it was dropped. Never blocks. */
  public boolean submitFacts(MemoryItem episode) {
    Require.nonNull(episode, "episode");
    String job = "facts of item " + episode.id();
    return submit(job, () -> {
      List<Fact> facts = extractor.extract(episode);
      sink.facts(episode, facts);
    });
  }

  /** Queues a summary; false when it was dropped. Never blocks. */
  public boolean submitSummary(SummaryJob job) {
    Require.nonNull(job, "job");
    return submit(job.describe(), () -> {
      String summary = summarizer.summarize(job.items(), job.maxTokens());
      if (!summary.isBlank()) {
        sink.summary(job, summary);
      }
    });
  }

  private boolean submit(String job, Runnable work) {
    synchronized (lock) {
      submitted++;
    }
    try {
      worker.execute(() -> run(job, work));
      return true;
    } catch (RejectedExecutionException e) {
      synchronized (lock) {
        submitted--;
        dropped++;
      }
      sink.problem(job, worker.isShutdown() ? "dropped: the enrichment queue is closed"
          : "dropped: the enrichment queue is full (" + worker.getQueue().remainingCapacity() + " free)");
      return false;
    }
  }

  private void run(String job, Runnable work) {
    boolean ok = false;
    try {
      work.run();
      ok = true;
    } catch (RuntimeException e) {
      sink.problem(job, "failed: " + e.getMessage());
    } finally {
      synchronized (lock) {
        if (ok) {
          completed++;
        } else {
          failed++;
        }
        lock.notifyAll();
      }
    }
  }

  /** The counters now. */
  public EnrichmentStats stats() {
    synchronized (lock) {
      return new EnrichmentStats(submitted, completed, failed, dropped, submitted - completed - failed);
    }
  }

  /**
   * Waits until every accepted job has finished, or {@code timeout} has passed.
   *
   * @return true when the queue is idle
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (submitted - completed - failed > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  /**
   * Stops accepting jobs, lets queued ones finish for up to {@code grace}, then interrupts the
   * rest (they count as neither completed nor failed; stored memory is unaffected).
   */
  public void close(Duration grace) {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** {@link #close(Duration)} with 10 seconds of grace. */
  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
