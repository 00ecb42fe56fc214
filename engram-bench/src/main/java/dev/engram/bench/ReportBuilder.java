package dev.engram.bench;

import dev.engram.bench.cache.CacheStats;
import dev.engram.bench.metrics.Percentiles;
import dev.engram.bench.report.BenchReport;
import dev.engram.reader.ExtractiveReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles the {@link BenchReport} of a finished run from its results and speed log. */
final class ReportBuilder {
  private final BenchConfig config;
  private final String command;
  private final SpeedLog log;
  private final CacheStats cache;
  private final SpeedProbe.Result probe;

  ReportBuilder(BenchConfig config, String command, SpeedLog log, CacheStats cache,
      SpeedProbe.Result probe) {
    this.config = config;
    this.command = command;
    this.log = log;
    this.cache = cache;
    this.probe = probe;
  }

  BenchReport build(HaystackSource source, Instant started, double wallSeconds,
      BenchReport.Data data, List<CaseResult> results) {
    return new BenchReport(BenchReport.SCHEMA_VERSION, source.dataset(),
        config.dataFile().toString(), command, machine(), started.toString(), wallSeconds,
        config(), data, Aggregation.summarize(config.systems(), results),
        PairedTests.run(config, results), speed());
  }

  private static BenchReport.Machine machine() {
    Runtime runtime = Runtime.getRuntime();
    return new BenchReport.Machine(runtime.availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
            + System.getProperty("os.arch"),
        runtime.maxMemory());
  }

  private BenchReport.Config config() {
    Selection s = config.selection();
    Path cacheDir = config.embedCache();
    return new BenchReport.Config(config.systems(),
        s.limit() == Integer.MAX_VALUE ? null : s.limit(), s.sample(), s.seed(),
        s.categories().stream().sorted().toList(), config.ks(), config.budgets(),
        config.readerBudget(), config.llm().describeReader(ExtractiveReader.class.getSimpleName()),
        config.llm().describeJudge(), config.embedder(),
        cacheDir == null ? null : cacheDir.toString(), config.store(), config.packDepth(),
        config.latencyRuns(), config.latencyWarmup(), config.probeRounds(), config.admission());
  }

  /** The slowest recall samples by the time with the query embedding, slowest first. */
  private List<BenchReport.SlowRecall> slowest() {
    List<BenchReport.SlowRecall> all = new ArrayList<>();
    for (int i = 0; i < log.recallWithEmbeddingMillis.size(); i++) {
      all.add(new BenchReport.SlowRecall(i, log.recallQuestions.get(i),
          log.recallWithEmbeddingMillis.get(i), log.recallWithoutEmbeddingMillis.get(i)));
    }
    all.sort(Comparator.comparingDouble(BenchReport.SlowRecall::withQueryEmbedding).reversed()
        .thenComparingInt(BenchReport.SlowRecall::sample));
    return List.copyOf(all.subList(0, Math.min(BenchReport.SLOWEST_SHOWN, all.size())));
  }

  private BenchReport.Speed speed() {
    double seconds = log.ingestNanos / 1e9;
    BenchReport.Ingest ingest = new BenchReport.Ingest(log.haystacks, log.ingestSessions,
        log.ingestRounds, seconds, seconds == 0 ? 0 : log.ingestRounds / seconds, cache != null,
        log.langchain4jIndexNanos / 1e9, log.mergedRounds);
    BenchReport.IngestProbe ingestProbe = probe == null ? null
        : new BenchReport.IngestProbe(probe.sessions(), probe.rounds(), probe.estimatedTokens(),
            probe.rawRoundsPerSecond(), probe.ingestRoundsPerSecond(), probe.ratio(),
            probe.ratios(), probe.store());
    BenchReport.Latency latency = new BenchReport.Latency(
        percentiles(log.recallWithEmbeddingMillis), percentiles(log.recallWithoutEmbeddingMillis),
        slowest());
    Map<String, Percentiles> pack = new LinkedHashMap<>();
    log.packMillis.forEach((system, millis) -> pack.put(system, percentiles(millis)));
    BenchReport.Cost cost = new BenchReport.Cost(
        probe == null ? null : probe.heapBytesPerItem(), probe == null ? null : probe.store(),
        log.diskBytesPerItem.isEmpty() ? null
            : Percentiles.of(SpeedLog.array(log.diskBytesPerItem)).mean());
    BenchReport.Cache cacheFigures = cache == null ? null
        : new BenchReport.Cache(cache.loaded(), cache.hits(), cache.misses(),
            cache.missNanos() / 1e9, cache.hitRate(), cache.persistent());
    return new BenchReport.Speed(ingest, ingestProbe, latency, pack, cost, cacheFigures);
  }

  private static Percentiles percentiles(List<Double> millis) {
    return millis.isEmpty() ? null : Percentiles.of(SpeedLog.array(millis));
  }
}
