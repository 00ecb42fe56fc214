package dev.engram.bench.synthetic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scale report: {@code scale.json} (schema {@value #SCHEMA}: {@code run}, {@code setup},
 * {@code realItems}, {@code queries}, {@code realEmbedSeconds}, {@code queryEmbedding}, {@code
 * steps}), {@code scale.md}, {@code scale-latency.png} and {@code scale-recall.png}.
 *
 * @param realItems items that are real sentences with real embeddings; the rest are synthetic
 * @param queries held-out real sentences used as queries
 * @param realEmbedSeconds wall time of embedding the real items
 * @param queryEmbedding latency of embedding one query with the real model, ms (add it to the
 *     recall latencies for an end-to-end figure)
 * @param steps one per measured size
 */
record ScaleReport(RunInfo run, Setup setup, int realItems, int queries, double realEmbedSeconds,
    Latency queryEmbedding, List<ScaleStep> steps) {
  static final String SCHEMA = "engram.bench.scale/1";

  /**
   * How the items were made.
   *
   * @param max items at the end
   * @param batch items per add call
   * @param method what the items and the measurements are
   */
  record Setup(int max, int batch, String method) {}

  static Setup setup(ScaleRun.Config config) {
    return new Setup(config.max(), config.batch(), "one subject in a Lucene store (HNSW float32, "
        + "BM25), grown through MemoryStore.add in batches; items below realItems are book "
        + "sentences embedded with the run's embedder; the rest are synthetic: a random mix of "
        + "two real vectors (weight 0.2-0.8) plus Gaussian noise (sd " + SyntheticVectors.NOISE
        + " per dimension), renormalised, with a text naming its parents, because embedding a "
        + "million texts with the model would take about an hour here; queries are held-out "
        + "real sentences; ground truth is an exact scan over every vector held in memory; "
        + "each size is measured at rest, after the store was closed and reopened (closing "
        + "waits for the background merges the adds started; merge wait s); recall latency "
        + "uses precomputed query vectors");
  }

  /** Writes the charts, the Markdown and, last, the JSON. */
  void write(ReportFiles files) {
    files.retract("scale.json");
    List<Double> xs = steps.stream().map(s -> (double) s.items()).toList();
    Map<String, List<Double>> latency = new LinkedHashMap<>();
    latency.put("searchVector p50", steps.stream().map(s -> s.searchVector().p50()).toList());
    latency.put("searchVector p99", steps.stream().map(s -> s.searchVector().p99()).toList());
    latency.put("recall p50", steps.stream().map(s -> s.recall().p50()).toList());
    latency.put("recall p99", steps.stream().map(s -> s.recall().p99()).toList());
    files.png("scale-latency.png", Charts.lines("Latency as one subject grows", "items",
        "milliseconds", xs, latency, xs.size() > 1, false));
    Map<String, List<Double>> recall = new LinkedHashMap<>();
    recall.put("ANN recall@10 (mean)", steps.stream().map(ScaleStep::annRecall10).toList());
    recall.put("ANN recall@10 (worst query)",
        steps.stream().map(ScaleStep::minAnnRecall10).toList());
    files.png("scale-recall.png", Charts.lines("HNSW recall@10 against exact search", "items",
        "recall@10", xs, recall, xs.size() > 1, true));
    files.text("scale.md", markdown());
    files.json("scale.json", this);
  }

  private String markdown() {
    StringBuilder md = new StringBuilder("# Scale run\n\n").append(MarkdownTables.runLine(run))
        .append("\n\n").append(setup.method()).append(".\n\n")
        .append(String.format(Locale.ROOT, "Real items: %,d (embedded in %.1f s); queries: %d; "
            + "query embedding p50 %.1f ms, p99 %.1f ms.%n%n", realItems, realEmbedSeconds,
            queries, queryEmbedding.p50(), queryEmbedding.p99()))
        .append("| items | add s | merge wait s | searchVector p50 / p95 / p99 ms "
            + "| recall p50 / p95 / p99 ms "
            + "| exact scan ms | ANN recall@10 (worst) | disk MB | heap MB |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    for (ScaleStep s : steps) {
      md.append(String.format(Locale.ROOT,
          "| %,d | %.1f | %.1f | %.2f / %.2f / %.2f | %.2f / %.2f / %.2f | %.1f | %.4f (%.1f) "
              + "| %,d | %,d |%n",
          s.items(), s.addSeconds(), s.settleSeconds(), s.searchVector().p50(),
          s.searchVector().p95(),
          s.searchVector().p99(), s.recall().p50(), s.recall().p95(), s.recall().p99(),
          s.exactScan().p50(), s.annRecall10(), s.minAnnRecall10(), s.bytesOnDisk() >> 20,
          s.heapUsedMb()));
    }
    return md.toString();
  }
}
