package dev.engram.bench.synthetic;

import dev.engram.bench.synthetic.ThreadsSummary.SetRate;
import dev.engram.bench.synthetic.ThreadsSummary.ThreadRate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The multi-needle and threads report: {@code threads.json} (schema {@value #SCHEMA}: {@code
 * run}, {@code setup}, {@code haystacks}, {@code summary}, {@code sets}, {@code threads}; field
 * meanings on the records), {@code threads.md}, {@code threads-sets.png} and {@code
 * threads-chains.png}.
 */
record ThreadsReport(RunInfo run, Setup setup, List<HaystackInfo> haystacks,
    ThreadsSummary summary, List<SetCell> sets, List<ThreadCell> threads) {
  static final String SCHEMA = "engram.bench.threads/1";

  /**
   * How the probes were made.
   *
   * @param sizeTokens haystack size per round
   * @param rounds haystacks
   * @param setSizes needles per set
   * @param lengths links per thread
   * @param maxHops most recalls per walk
   * @param method how sets and threads were asked
   */
  record Setup(int sizeTokens, int rounds, List<Integer> setSizes, List<Integer> lengths,
      int maxHops, String method) {}

  static Setup setup(ThreadsBench.Config config) {
    return new Setup(config.sizeTokens(), config.rounds(), config.setSizes(), config.lengths(),
        config.maxHops(), "each round one haystack holding one set per size and, per length, one "
            + "thread laid out forward and one backward; a set is asked with one question; a "
            + "thread is walked by a hop loop (recall about the current key, read the next key "
            + "off the packed link sentence, recall again) from its first key forward and from "
            + "its last key backward");
  }

  /** Writes the charts, the Markdown and, last, the JSON. */
  void write(ReportFiles files) {
    files.retract("threads.json");
    Map<String, List<Double>> setBars = new LinkedHashMap<>();
    setBars.put("all in context", summary.sets().stream().map(s -> s.allInContext().rate()).toList());
    setBars.put("mean recall", summary.sets().stream().map(SetRate::meanRecall).toList());
    setBars.put("reader recall", summary.sets().stream().map(SetRate::meanReaderRecall).toList());
    files.png("threads-sets.png", Charts.bars("Multi-needle: k needles asked together",
        "rate", summary.sets().stream().map(s -> "k=" + s.k()).toList(), setBars, 1.05));
    files.png("threads-chains.png", Charts.bars("Threads: walks that found every link",
        "rate", setup.lengths().stream().map(l -> l + " links").toList(), chainBars(), 1.05));
    files.text("threads.md", markdown());
    files.json("threads.json", this);
  }

  private Map<String, List<Double>> chainBars() {
    Map<String, List<Double>> bars = new LinkedHashMap<>();
    for (ThreadRate rate : summary.threads()) {
      String name = "walk " + rate.direction() + ", layout " + rate.layout();
      bars.computeIfAbsent(name, n -> new ArrayList<>()).add(rate.allFound().rate());
    }
    return bars;
  }

  private String markdown() {
    StringBuilder md = new StringBuilder("# Multi-needle and threads\n\n")
        .append(MarkdownTables.runLine(run)).append("\n\n").append(setup.method()).append(".\n\n")
        .append(String.format(Locale.ROOT, "%d haystacks of ~%s tokens (mean %,d characters).%n",
            haystacks.size(), TokenSizes.label(setup.sizeTokens()),
            (long) haystacks.stream().mapToLong(HaystackInfo::chars).average().orElse(0)))
        .append("\n## Multi-needle\n\n| k | all in context | mean recall | reader recall |\n")
        .append("|---|---|---|---|\n");
    for (SetRate s : summary.sets()) {
      md.append(String.format(Locale.ROOT, "| %d | %s | %.3f | %.3f |%n", s.k(),
          s.allInContext().format(), s.meanRecall(), s.meanReaderRecall()));
    }
    md.append("\nThe extractive reader answers with its best sentence and at most two more, so "
        + "reader recall cannot reach 1 for k > 3.\n\n## Threads\n\n")
        .append("| links | layout | walk | all links found | link accuracy | mean hops |\n")
        .append("|---|---|---|---|---|---|\n");
    for (ThreadRate t : summary.threads()) {
      md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %.3f | %.1f |%n", t.links(),
          t.layout(), t.direction(), t.allFound().format(), t.meanLinkAccuracy(), t.meanHops()));
    }
    md.append("\nAll walks: ").append(summary.allThreads().format()).append(".\n\n")
        .append("## Why needles and links were missed\n\nSets: ")
        .append(summary.setMisses().describe()).append(".  \nThreads: ")
        .append(summary.threadMisses().describe()).append(".\n");
    return md.toString();
  }
}
