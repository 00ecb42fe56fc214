package dev.engram.bench;

import dev.engram.bench.llm.LlmBench;
import dev.engram.bench.systems.SystemNames;
import dev.engram.model.Require;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * Everything that determines a run, in one place (it is echoed into {@code report.json}).
 *
 * @param dataset {@code locomo} or {@code longmemeval}
 * @param dataFile the dataset file, plain or gzipped
 * @param systems systems to compare, in report order (see {@link SystemNames#ALL})
 * @param selection which questions to ask
 * @param ks the k of every "@k" retrieval metric, ascending, each in [1, 1000]
 * @param budgets token budgets packed at, ascending, each in [50, 1,000,000]; includes
 *     {@code readerBudget}
 * @param readerBudget the budget whose context the reader answers from
 * @param out the report directory
 * @param embedCache the embedding cache directory, or null for no cache
 * @param embedder the embedder's model id, or {@code hashing} for the lexical test embedder
 * @param store {@code memory} (exact, in-process) or {@code lucene} (on disk, in a temp dir)
 * @param latencyRuns timed recalls per question for each latency figure, in [0, 100]
 * @param latencyWarmup pairs of recalls left untimed at the start of the run (at most half of
 *     them), in [0, 100,000]
 * @param probeRounds rounds of the uncached ingest probe, in [0, 100,000] (0: no probe)
 * @param quiet no progress bar
 * @param admission engram's admission threshold (research.md F4), in [0, 1]; 0 admits every round
 * @param llm the LLM reader and judge, {@link LlmBench#OFF} for an offline run
 */
public record BenchConfig(
    String dataset,
    Path dataFile,
    List<String> systems,
    Selection selection,
    List<Integer> ks,
    List<Integer> budgets,
    int readerBudget,
    Path out,
    Path embedCache,
    String embedder,
    String store,
    int latencyRuns,
    int latencyWarmup,
    int probeRounds,
    boolean quiet,
    double admission,
    LlmBench llm) {

  public BenchConfig {
    Require.nonBlank(dataset, "dataset");
    Require.nonNull(dataFile, "dataFile");
    systems = SystemNames.check(systems);
    Require.nonNull(selection, "selection");
    ks = sortedUnique(ks, 1, 1000, "k");
    Require.inRange(readerBudget, 50, 1_000_000, "readerBudget");
    TreeSet<Integer> withReader = new TreeSet<>(sortedUnique(budgets, 50, 1_000_000, "budget"));
    withReader.add(readerBudget);
    budgets = List.copyOf(withReader);
    Require.nonNull(out, "out");
    Require.nonBlank(embedder, "embedder");
    dev.engram.write.AdmissionPolicy.atThreshold(admission); // refuses a threshold out of range
    if (!store.equals("memory") && !store.equals("lucene")) {
      throw new IllegalArgumentException("store must be memory or lucene, was '" + store + "'");
    }
    Require.inRange(latencyRuns, 0, 100, "latencyRuns");
    Require.inRange(latencyWarmup, 0, 100_000, "latencyWarmup");
    Require.inRange(probeRounds, 0, 100_000, "probeRounds");
    Require.nonNull(llm, "llm");
  }

  /** The largest k: how deep every ranking is read. */
  public int maxK() {
    return ks.get(ks.size() - 1);
  }

  /** The largest budget. */
  public int maxBudget() {
    return budgets.get(budgets.size() - 1);
  }

  /**
   * How many ranked items the baselines' greedy packers draw from: enough to fill the largest
   * budget with short rounds (a tenth of it, in [100, 1000]).
   */
  public int packDepth() {
    return Math.max(100, Math.min(1000, maxBudget() / 10));
  }

  private static List<Integer> sortedUnique(List<Integer> values, int min, int max, String name) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException(name + " list must not be empty");
    }
    TreeSet<Integer> sorted = new TreeSet<>();
    for (Integer value : values) {
      sorted.add(Require.inRange(Require.nonNull(value, name), min, max, name));
    }
    return List.copyOf(sorted);
  }
}
