package dev.engram.bench.report;

import static dev.engram.bench.report.MarkdownReport.fmt;
import static dev.engram.bench.report.MarkdownReport.ms;

import dev.engram.bench.metrics.Percentiles;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The speed and cost section of the Markdown report. */
final class SpeedTable {
  private SpeedTable() {}

  static void render(StringBuilder md, BenchReport r) {
    BenchReport.Speed s = r.speed();
    md.append("## Speed and cost\n\n| figure | value |\n|---|---|\n");
    BenchReport.Ingest in = s.ingest();
    md.append("| ingest, whole run (").append(in.cached() ? "cached embedder: not a speed figure"
        : "uncached").append(") | ").append(in.rounds()).append(" rounds in ")
        .append(fmt("%.1f", in.seconds())).append(" s = ")
        .append(fmt("%.1f", in.roundsPerSecond())).append(" rounds/s |\n");
    md.append("| rounds kept cold by engram's admission gate (near-repeats) | ")
        .append(in.mergedRounds()).append(" of ").append(in.rounds()).append(" |\n");
    if (s.probe() != null) {
      BenchReport.IngestProbe p = s.probe();
      md.append("| raw embedder, uncached, the pipeline's embedding inputs (").append(p.rounds())
          .append(" rounds, ~")
          .append(p.estimatedTokens() / Math.max(1, p.rounds())).append(" tokens each) | ")
          .append(fmt("%.1f", p.rawRoundsPerSecond())).append(" rounds/s |\n");
      md.append("| Engram ingest, uncached, same rounds (store ").append(p.store()).append(") | ")
          .append(fmt("%.1f", p.ingestRoundsPerSecond())).append(" rounds/s = ")
          .append(fmt("%.0f%%", 100 * p.ratio())).append(" of raw")
          .append(repetitions(p.ratios())).append(" |\n");
    }
    md.append("| langchain4j indexing (embedAll + addAll), whole run | ")
        .append(fmt("%.1f", in.langchain4jIndexSeconds())).append(" s |\n");
    BenchReport.Cost cost = s.cost();
    if (cost.heapBytesPerItem() != null) {
      md.append("| heap per item after ingest (store ").append(cost.heapStore()).append(") | ")
          .append(fmt("%.0f", cost.heapBytesPerItem())).append(" bytes |\n");
    }
    if (cost.diskBytesPerItem() != null) {
      md.append("| bytes on disk per item | ").append(fmt("%.0f", cost.diskBytesPerItem()))
          .append(" |\n");
    }
    if (s.embeddingCache() != null) {
      BenchReport.Cache c = s.embeddingCache();
      md.append("| embedding cache | ").append(c.hits()).append(" hits, ").append(c.misses())
          .append(" misses (").append(fmt("%.0f", c.missSeconds())).append(" s embedding), ")
          .append(c.loaded()).append(" loaded |\n");
    }
    md.append("\n| latency (ms) | n | p50 | p95 | p99 |\n|---|---|---|---|---|\n");
    // Reports from before the option have 0 here (and were taken after 20 warm-up recalls).
    String warm = r.config().latencyWarmup() > 0
        ? ", after up to " + r.config().latencyWarmup() + " warm-up pairs" : "";
    latencyRow(md, "engram recall, with query embedding (uncached)" + warm,
        s.recallMillis().withQueryEmbedding());
    latencyRow(md, "engram recall, query vector precomputed",
        s.recallMillis().withoutQueryEmbedding());
    for (Map.Entry<String, Percentiles> e : s.packMillis().entrySet()) {
      latencyRow(md, e.getKey() + " pack at " + r.config().readerBudget()
          + " (cached query vector)", e.getValue());
    }
    md.append('\n');
    slowest(md, s.recallMillis());
  }

  /** "Slowest recalls (...): 45.8 ms (3.2) at 124 of 650, 54026fce; ...", or nothing. */
  private static void slowest(StringBuilder md, BenchReport.Latency latency) {
    List<BenchReport.SlowRecall> slowest = latency.slowest();
    if (slowest == null || slowest.isEmpty()) {
      return;
    }
    int n = latency.withQueryEmbedding() == null ? 0 : latency.withQueryEmbedding().n();
    md.append("Slowest recalls with the query embedding (the timed sample's number from 1, in "
        + "run order; the paired recall without the embedding in brackets): ")
        .append(slowest.stream().map(x -> fmt("%.1f", x.withQueryEmbedding()) + " ms ("
            + fmt("%.1f", x.withoutQueryEmbedding()) + ") at " + (x.sample() + 1) + " of " + n
            + ", " + x.question())
            .collect(Collectors.joining("; ")))
        .append(".\n\n");
  }

  /** " (median of 3 runs: 91%, 88%, 93%)", or nothing for reports from before the repeats. */
  private static String repetitions(List<Double> ratios) {
    if (ratios == null || ratios.size() < 2) {
      return "";
    }
    return " (median of " + ratios.size() + " runs: " + ratios.stream()
        .map(r -> fmt("%.0f%%", 100 * r)).collect(Collectors.joining(", ")) + ")";
  }

  private static void latencyRow(StringBuilder md, String name, Percentiles p) {
    md.append("| ").append(name).append(" | ").append(p == null ? 0 : p.n()).append(" | ")
        .append(ms(p)).append(" |\n");
  }
}
