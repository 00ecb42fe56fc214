package dev.engram.bench.report;

import dev.engram.bench.metrics.Estimate;
import dev.engram.bench.metrics.Percentiles;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code report.json}: one record per JSON object, so the schema lives in one file.
 * Field names are stable; a change that renames or removes one bumps {@link #SCHEMA_VERSION}.
 * Values that could not be measured are null (never NaN).
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param dataset {@code locomo} or {@code longmemeval}
 * @param dataFile the dataset file as given
 * @param command the command line that produced the report
 * @param machine where it ran
 * @param startedAt ISO-8601 UTC instant the run started
 * @param wallSeconds the run's wall time
 * @param config every setting of the run
 * @param data what was asked
 * @param systems per system name, its figures overall and per category
 * @param paired exact McNemar tests of engram against each baseline
 * @param speed speed and cost
 */
public record BenchReport(
    int schemaVersion,
    String dataset,
    String dataFile,
    String command,
    Machine machine,
    String startedAt,
    double wallSeconds,
    Config config,
    Data data,
    Map<String, SystemFigures> systems,
    List<Paired> paired,
    Speed speed) {

  /** The version of this schema. */
  public static final int SCHEMA_VERSION = 1;

  /** The machine: available processors, Java version, OS name/version/arch, max heap. */
  public record Machine(int cores, String javaVersion, String os, long maxHeapBytes) {}

  /** The settings of a run; {@code limit} is null when there was none. */
  public record Config(List<String> systems, Integer limit, int sample, long seed,
      List<String> categories, List<Integer> k, List<Integer> budgets, int readerBudget,
      String reader, String judge, String embedder, String embedCache, String store, int packDepth,
      int latencyRuns, int latencyWarmup, int probeRounds, double admission) {}

  /**
   * What was asked: questions in the file and asked, haystacks built, how many questions had
   * retrieval evidence, a gold answer to score, or expected an abstention, and per category.
   */
  public record Data(int questionsInFile, int questionsAsked, int haystacks, int retrievalTargets,
      int answerTargets, int abstentionTargets, Map<String, Integer> questionsByCategory) {}

  /**
   * One system's figures: per metric name (see the README), an estimate over every question the
   * metric applies to, and the same per category.
   */
  public record SystemFigures(Map<String, Estimate> overall,
      Map<String, Map<String, Estimate>> byCategory) {}

  /**
   * An exact McNemar test on the questions both systems were scored on.
   *
   * @param engramOnly questions engram got and the baseline missed
   * @param baselineOnly the reverse
   * @param pHolm the p-value after Holm's correction over every test of the run
   */
  public record Paired(String baseline, String metric, int n, double engram, double baselineValue,
      int engramOnly, int baselineOnly, double pValue, double pHolm) {}

  /** Speed and cost; see the README for how each is measured. */
  public record Speed(Ingest ingest, IngestProbe probe, Latency recallMillis,
      Map<String, Percentiles> packMillis, Cost cost, Cache embeddingCache) {}

  /**
   * Ingest over the whole run through the shared (cached unless {@code cached} is false)
   * embedder: with the cache warm this is not an embedding speed, see {@link IngestProbe}. {@code
   * mergedRounds} counts the rounds engram's admission gate kept out of its hot index.
   */
  public record Ingest(long haystacks, long sessions, long rounds, double seconds,
      double roundsPerSecond, boolean cached, double langchain4jIndexSeconds, long mergedRounds) {}

  /**
   * The uncached probe: raw model throughput and Engram ingest throughput on the same rounds,
   * both warmed up. {@code ratio} is the median of {@code ratios} (one per timed ingest, in run
   * order) and the two throughputs are from that repetition.
   */
  public record IngestProbe(int sessions, int rounds, long estimatedTokens,
      double rawRoundsPerSecond, double ingestRoundsPerSecond, double ratio, List<Double> ratios,
      String store) {}

  /**
   * Engram recall latency at the reader budget, with and without embedding the query, and the
   * slowest samples (by the time with the embedding, slowest first, at most {@link
   * #SLOWEST_SHOWN}) so that a tail can be traced to its questions and to when in the run it
   * came; null in reports from before they were kept.
   */
  public record Latency(Percentiles withQueryEmbedding, Percentiles withoutQueryEmbedding,
      List<SlowRecall> slowest) {}

  /** How many of the slowest recall samples a report keeps. */
  public static final int SLOWEST_SHOWN = 10;

  /**
   * One timed recall.
   *
   * @param sample its place among the run's timed recalls, from 0 (they are taken question by
   *     question, haystack by haystack, in run order)
   * @param question the question's id
   * @param withQueryEmbedding milliseconds, the query embedded by the model
   * @param withoutQueryEmbedding milliseconds of the paired recall with the query vector given
   */
  public record SlowRecall(int sample, String question, double withQueryEmbedding,
      double withoutQueryEmbedding) {}

  /** Heap per stored item (from the probe) and bytes on disk per item (Lucene store only). */
  public record Cost(Double heapBytesPerItem, String heapStore, Double diskBytesPerItem) {}

  /** Embedding cache use; null when the run had no cache. */
  public record Cache(long loaded, long hits, long misses, double missSeconds, double hitRate,
      boolean persistent) {}
}
