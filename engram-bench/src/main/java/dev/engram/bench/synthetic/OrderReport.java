package dev.engram.bench.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The sequence-order report: {@code order.json} (schema {@value #SCHEMA}: {@code run}, {@code
 * setup}, {@code bins}, {@code overall}, {@code cells}), {@code order.md} and {@code order.png}
 * (accuracy by distance bin; chance is 0.5).
 *
 * @param bins accuracy per distance bin, overall and per segment length
 * @param overall accuracy over all questions
 */
record OrderReport(RunInfo run, Setup setup, List<BinRate> bins, BinRate overall,
    List<OrderCell> cells) {
  static final String SCHEMA = "engram.bench.order/1";

  /**
   * How the probes were made.
   *
   * @param excerpts excerpts remembered, one memory each
   * @param excerptWords words per excerpt (L_E)
   * @param segmentWords segment lengths (L_S)
   * @param pairsPerBin questions per bin and excerpt
   * @param excerptBooks the book of each excerpt
   * @param method how questions were answered
   */
  record Setup(int excerpts, int excerptWords, List<Integer> segmentWords, int pairsPerBin,
      List<String> excerptBooks, String method) {}

  /**
   * Accuracy of one bin (or all).
   *
   * @param bin the bin's name, or {@code all}
   * @param accuracy questions answered correctly
   * @param locatedBoth questions where both segments were found in recalled items
   * @param bySegmentWords accuracy per segment length
   */
  record BinRate(String bin, Rate accuracy, Rate locatedBoth, Map<Integer, Rate> bySegmentWords) {}

  static OrderReport of(RunInfo run, Setup setup, List<OrderCell> cells) {
    List<BinRate> bins = new ArrayList<>();
    for (String bin : OrderBench.BINS) {
      bins.add(rate(bin, cells, c -> c.bin().equals(bin), setup.segmentWords()));
    }
    return new OrderReport(run, setup, bins, rate("all", cells, c -> true, setup.segmentWords()),
        cells);
  }

  private static BinRate rate(String name, List<OrderCell> cells, Predicate<OrderCell> which,
      List<Integer> segmentWords) {
    List<OrderCell> in = cells.stream().filter(which).toList();
    Map<Integer, Rate> bySegment = new LinkedHashMap<>();
    for (int words : segmentWords) {
      List<OrderCell> some = in.stream().filter(c -> c.segmentWords() == words).toList();
      bySegment.put(words, Rate.of((int) some.stream().filter(OrderCell::correct).count(),
          some.size()));
    }
    return new BinRate(name, Rate.of((int) in.stream().filter(OrderCell::correct).count(),
        in.size()), Rate.of((int) in.stream().filter(c -> c.located() == 2).count(), in.size()),
        bySegment);
  }

  /** Writes the chart, the Markdown and, last, the JSON. */
  void write(ReportFiles files) {
    files.retract("order.json");
    Map<String, List<Double>> bars = new LinkedHashMap<>();
    bars.put("all", bins.stream().map(b -> b.accuracy().rate()).toList());
    for (int words : setup.segmentWords()) {
      bars.put(words + "-word segments",
          bins.stream().map(b -> b.bySegmentWords().get(words).rate()).toList());
    }
    files.png("order.png", Charts.bars("Which came first? Accuracy by distance (chance 0.5)",
        "accuracy", OrderBench.BINS.stream().map(b -> "distance " + b + " of excerpt").toList(),
        bars, 1.05));
    files.text("order.md", markdown());
    files.json("order.json", this);
  }

  private String markdown() {
    StringBuilder md = new StringBuilder("# Sequence-order recall (SORT-style)\n\n")
        .append(MarkdownTables.runLine(run)).append("\n\n").append(setup.method())
        .append(".\n\nExcerpts: ").append(setup.excerpts()).append(" x ")
        .append(setup.excerptWords()).append(" words from ")
        .append(String.join(", ", setup.excerptBooks())).append(".\n\n")
        .append("| distance bin | accuracy | both located |");
    setup.segmentWords().forEach(w -> md.append(' ').append(w).append("-word segments |"));
    md.append("\n|---|---|---|").append("---|".repeat(setup.segmentWords().size())).append('\n');
    List<BinRate> rows = new ArrayList<>(bins);
    rows.add(overall);
    for (BinRate b : rows) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %.3f |", b.bin(), b.accuracy().format(),
          b.locatedBoth().rate()));
      b.bySegmentWords().values().forEach(r -> md.append(String.format(Locale.ROOT, " %.3f |",
          r.rate())));
      md.append('\n');
    }
    return md.toString();
  }
}
