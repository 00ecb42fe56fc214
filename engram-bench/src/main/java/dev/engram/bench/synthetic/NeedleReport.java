package dev.engram.bench.synthetic;

import dev.engram.bench.synthetic.NeedleSummary.DepthRate;
import dev.engram.bench.synthetic.NeedleSummary.GridRate;
import dev.engram.bench.synthetic.NeedleSummary.SizeRate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The needle grid's report: {@code needle.json} (schema {@value #SCHEMA}: {@code run}, {@code
 * setup}, {@code haystacks}, {@code summary}, {@code cells}; field meanings on the records),
 * {@code needle.md}, and the charts {@code needle-heatmap.png} (retrieval hit rate, depth x size),
 * {@code needle-reader-heatmap.png} and {@code needle-position.png} (hit rate by depth).
 *
 * @param run the run's settings
 * @param setup how haystacks and needles were made
 * @param haystacks each haystack's size in characters and tokens
 * @param summary rates by cell, size and depth; the mid-sequence drop
 * @param cells every needle asked
 */
record NeedleReport(RunInfo run, Setup setup, List<HaystackInfo> haystacks, NeedleSummary summary,
    List<NeedleCell> cells) {
  static final String SCHEMA = "engram.bench.needle/1";

  /**
   * How the probes were made.
   *
   * @param sizes target sizes in approximate tokens
   * @param depths needle depths in percent
   * @param repeats haystacks per size
   * @param haystack how the haystack was remembered
   * @param needles how needles share a haystack
   */
  record Setup(List<Integer> sizes, List<Integer> depths, int repeats, String haystack,
      String needles) {}

  static Setup setup(NeedleGrid.Config config) {
    return new Setup(config.sizes(), config.depths(), config.repeats(),
        "book sentences in a seeded order (passes over all books, each in a new order, when a "
            + "size needs more text than the books hold), remembered as Documents of "
            + NeedleGrid.PART_CHARS + " characters, which Engram pages (~1,200 characters each)",
        "multi-insert: one distinct needle per depth in each haystack, each asked separately");
  }

  /** Writes the charts, the Markdown and, last, the JSON. */
  void write(ReportFiles files) {
    files.retract("needle.json");
    List<String> sizes = setup.sizes().stream().map(TokenSizes::label).toList();
    List<String> depths = setup.depths().stream().map(d -> d + "%").toList();
    files.png("needle-heatmap.png", Charts.heatmap("Needle retrieval hit rate (needle in packed "
        + "context)", "haystack size (tokens)", sizes, "depth", depths, grid(true)));
    files.png("needle-reader-heatmap.png", Charts.heatmap("Needle reader hit rate (extractive "
        + "answer contains the value)", "haystack size (tokens)", sizes, "depth", depths,
        grid(false)));
    files.png("needle-position.png", Charts.lines("Hit rate by needle depth", "depth (%)",
        "hit rate", setup.depths().stream().map(Integer::doubleValue).toList(), curves(), false, true));
    files.text("needle.md", markdown());
    files.json("needle.json", this);
  }

  private double[][] grid(boolean retrieval) {
    double[][] values = new double[setup.sizes().size()][setup.depths().size()];
    for (GridRate rate : summary.grid()) {
      int x = setup.sizes().indexOf(rate.sizeTokens());
      int y = setup.depths().indexOf(rate.depth());
      values[x][y] = (retrieval ? rate.retrieval() : rate.reader()).rate();
    }
    return values;
  }

  private Map<String, List<Double>> curves() {
    Map<String, List<Double>> series = new LinkedHashMap<>();
    series.put("retrieval, all sizes",
        summary.positionCurve().stream().map(d -> d.retrieval().rate()).toList());
    series.put("reader, all sizes",
        summary.positionCurve().stream().map(d -> d.reader().rate()).toList());
    for (int size : setup.sizes()) {
      List<Double> ys = new ArrayList<>();
      for (GridRate rate : summary.grid()) {
        if (rate.sizeTokens() == size) {
          ys.add(rate.retrieval().rate());
        }
      }
      series.put("retrieval " + TokenSizes.label(size), ys);
    }
    return series;
  }

  private String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Needle grid\n\n").append(MarkdownTables.runLine(run)).append("\n\n")
        .append("Haystack: ").append(setup.haystack()).append(". Needles: ")
        .append(setup.needles()).append(".\n\n## Haystacks\n\n")
        .append("| size | repeat | characters | approx. tokens | items | ingest s |\n")
        .append("|---|---|---|---|---|---|\n");
    for (HaystackInfo h : haystacks) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,d | %,d | %.1f |%n",
          TokenSizes.label(h.sizeTokens()), h.repeat(), h.chars(), h.tokens(), h.items(),
          h.ingestSeconds()));
    }
    md.append("\n## Retrieval hit rate by size (rows) and depth (columns)\n\n");
    md.append(MarkdownTables.grid(setup.sizes(), setup.depths(), summary.grid(), true));
    md.append("\n## Reader hit rate by size and depth\n\n");
    md.append(MarkdownTables.grid(setup.sizes(), setup.depths(), summary.grid(), false));
    md.append("\n## By size\n\n| size | retrieval | reader | mean recall ms |\n|---|---|---|---|\n");
    for (SizeRate s : summary.bySize()) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1f |%n",
          TokenSizes.label(s.sizeTokens()), s.retrieval().format(), s.reader().format(),
          s.meanRecallMillis()));
    }
    md.append("\n## Position curve\n\n| depth | retrieval | reader | mean relative position |\n")
        .append("|---|---|---|---|\n");
    for (DepthRate d : summary.positionCurve()) {
      md.append(String.format(Locale.ROOT, "| %d%% | %s | %s | %s |%n", d.depth(),
          d.retrieval().format(), d.reader().format(), d.meanRelativePosition() == null ? "-"
              : String.format(Locale.ROOT, "%.2f", d.meanRelativePosition())));
    }
    NeedleSummary.MidDrop drop = summary.midDrop();
    md.append(String.format(Locale.ROOT, "%n## Mid-sequence drop%n%nRetrieval: edges (0-10%%, "
        + "90-100%%) %s, middle (30-70%%) %s, drop %+.3f.  %nReader: edges %s, middle %s, "
        + "drop %+.3f.%n", drop.edgeRetrieval().format(), drop.midRetrieval().format(),
        drop.retrievalDrop(), drop.edgeReader().format(), drop.midReader().format(),
        drop.readerDrop()));
    md.append("\nMisses: ").append(summary.misses().describe()).append(".\n");
    return md.toString();
  }
}
