package dev.engram.bench;

import dev.engram.bench.llm.LlmBenchOptions;
import dev.engram.bench.systems.SystemNames;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every dataset command shares; defaults are shown in the help. */
final class BenchOptions {
  @Option(names = "--data", required = true, paramLabel = "FILE",
      description = "Dataset file in the official format, plain or .gz.")
  Path data;

  @Option(names = "--systems", split = ",", paramLabel = "NAME",
      defaultValue = "engram,bm25,vector,recent,langchain4j",
      description = "Systems to compare (default: ${DEFAULT-VALUE}).")
  List<String> systems;

  @Option(names = "--limit", paramLabel = "N",
      description = "Ask at most N questions (in file order, after --categories and --sample).")
  Integer limit;

  @Option(names = "--sample", paramLabel = "N", defaultValue = "0",
      description = "Ask N questions drawn at random with --seed (0: no sampling).")
  int sample;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
      description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--k", split = ",", paramLabel = "K", defaultValue = "1,5,10,20,50",
      description = "Cut-offs of the @k metrics (default: ${DEFAULT-VALUE}).")
  List<Integer> ks;

  @Option(names = "--budget", split = ",", paramLabel = "TOKENS",
      defaultValue = "1000,2000,3500,8000",
      description = "Context budgets in estimated tokens (default: ${DEFAULT-VALUE}).")
  List<Integer> budgets;

  @Option(names = "--reader-budget", paramLabel = "TOKENS", defaultValue = "3500",
      description = "Budget of the context the reader answers from (default: ${DEFAULT-VALUE}).")
  int readerBudget;

  @Option(names = "--categories", split = ",", paramLabel = "CAT",
      description = "Only these categories (LoCoMo: numbers or names; LongMemEval: question types).")
  List<String> categories;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Report directory (default: bench-out/<dataset>-<timestamp>).")
  Path out;

  @Option(names = "--embed-cache", paramLabel = "DIR",
      description = "Embedding cache directory (default: ~/.cache/engram/embeddings).")
  Path embedCache;

  @Option(names = "--no-cache", description = "Embed everything afresh, without the cache.")
  boolean noCache;

  @Option(names = "--store", paramLabel = "KIND", defaultValue = "memory",
      description = "Store for each haystack: memory (exact, fast) or lucene (on disk, temp dir).")
  String store;

  @Option(names = "--latency-runs", paramLabel = "N", defaultValue = "3",
      description = "Timed recalls per question for each latency figure (default: ${DEFAULT-VALUE}).")
  int latencyRuns;

  @Option(names = "--latency-warmup", paramLabel = "N", defaultValue = "100",
      description = "Pairs of recalls left untimed at the start of the run (at most half of "
          + "them), so the latency figures are of a warm JVM (default: ${DEFAULT-VALUE}).")
  int latencyWarmup;

  @Option(names = "--probe-rounds", paramLabel = "N", defaultValue = "256",
      description = "Rounds of the uncached ingest-speed probe; 0 skips it (default: ${DEFAULT-VALUE}).")
  int probeRounds;

  @Option(names = "--admission", paramLabel = "T",
      defaultValue = "" + dev.engram.write.AdmissionPolicy.DEFAULT_THRESHOLD,
      description = "engram's admission threshold on novelty momentum, 0 to admit every round "
          + "(default: ${DEFAULT-VALUE}, Engram's default).")
  double admission;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Option(names = "--embedder", paramLabel = "ID", defaultValue = "bge-small-en-v1.5-q",
      description = "Embedder by model id (default: ${DEFAULT-VALUE}): e5-small-v2-q, or "
          + "bge-small-en-v1.5-q+e5-small-v2-q (both models: more recall on LoCoMo, half the "
          + "ingest rate); 'hashing' is the lexical test embedder.")
  String embedder;

  @Mixin LlmBenchOptions llm = new LlmBenchOptions();

  /** The run's configuration for {@code dataset}. */
  BenchConfig toConfig(String dataset) {
    Path outDir = out != null ? out : Path.of("bench-out", dataset + "-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    Path cache = noCache ? null : embedCache != null ? embedCache
        : Path.of(System.getProperty("user.home"), ".cache", "engram", "embeddings");
    if (limit != null && limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, was " + limit);
    }
    Selection selection = new Selection(
        categories == null ? new HashSet<>() : new HashSet<>(categories), sample,
        limit == null ? Integer.MAX_VALUE : limit, seed);
    List<String> names = new ArrayList<>();
    for (String name : systems) {
      names.add(name.strip());
    }
    return new BenchConfig(dataset, data, SystemNames.check(names), selection, ks, budgets,
        readerBudget, outDir, cache, embedder, store, latencyRuns, latencyWarmup, probeRounds,
        quiet, admission, llm.setup());
  }
}
