package dev.engram.bench;

import dev.engram.bench.report.BenchReport;
import dev.engram.bench.report.Charts;
import dev.engram.bench.report.JsonReport;
import dev.engram.bench.report.MarkdownReport;
import dev.engram.bench.report.ReportFiles;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One bench run from selected haystacks to a committed report directory: opens the embedders,
 * runs the uncached speed probe on the first haystack, runs every haystack, aggregates, writes
 * {@code report.json}, {@code report.md}, {@code questions.jsonl} and the charts, and prints the
 * headline table. A run that fails leaves the {@code PARTIAL} marker and no report. One thread.
 */
final class BenchRun {
  private final BenchConfig config;
  private final HaystackSource source;
  private final String command;
  private final PrintWriter out;
  private final SpeedLog log = new SpeedLog();
  private final List<CaseResult> results = new ArrayList<>();
  private final Map<String, Integer> byCategory = new TreeMap<>();
  private int asked;
  private int retrievalTargets;
  private int answerTargets;
  private int abstentionTargets;
  private SpeedProbe.Result probe;

  BenchRun(BenchConfig config, HaystackSource source, String command, PrintWriter out) {
    this.config = config;
    this.source = source;
    this.command = command;
    this.out = out;
  }

  /** Runs to the end and returns the report that was written. */
  BenchReport run() {
    Instant started = Instant.now();
    long start = System.nanoTime();
    ReportFiles files = ReportFiles.start(config.out(), command);
    BenchReport report;
    // Everything is closed (the progress bar finished, questions.jsonl flushed, the embedding
    // cache forced to disk) before the report is committed.
    try (EmbedderSetup embedders = EmbedderSetup.open(config);
        QuestionLog questions = new QuestionLog(files.writer("questions.jsonl"));
        BenchProgress progress =
            BenchProgress.start(source.dataset(), source.cases(), config.quiet())) {
      runAll(embedders, questions, progress);
      double wall = (System.nanoTime() - start) / 1e9;
      report = new ReportBuilder(config, command, log, embedders.cacheStats(), probe)
          .build(source, started, wall, data(), results);
    }
    write(files, report);
    return report;
  }

  private void runAll(EmbedderSetup embedders, QuestionLog questions, BenchProgress progress) {
    HaystackRunner runner = new HaystackRunner(config, embedders, log, source.cases());
    source.forEach(haystack -> {
      if (probe == null && config.probeRounds() > 0) {
        progress.message(" speed probe");
        probe = SpeedProbe.run(haystack, embedders.raw(), config.store(), config.probeRounds());
      }
      count(haystack);
      progress.message(" " + haystack.subject());
      runner.run(haystack, caseResults -> {
        caseResults.forEach(questions::write);
        results.addAll(caseResults);
        progress.step(1);
      });
    });
  }

  private void count(Haystack haystack) {
    for (BenchCase c : haystack.cases()) {
      asked++;
      retrievalTargets += c.retrievalTarget() ? 1 : 0;
      answerTargets += c.answerTarget() ? 1 : 0;
      abstentionTargets += c.expectAbstain() ? 1 : 0;
      byCategory.merge(c.category(), 1, Integer::sum);
    }
  }

  private BenchReport.Data data() {
    return new BenchReport.Data(source.casesInFile(), asked, (int) log.haystacks, retrievalTargets,
        answerTargets, abstentionTargets, byCategory);
  }

  private void write(ReportFiles files, BenchReport report) {
    String markdown = MarkdownReport.render(report);
    files.write("report.md", markdown.getBytes(StandardCharsets.UTF_8));
    files.write("recall-at-k.png", Charts.recallAtK(report));
    files.write("in-context.png", Charts.inContext(report));
    files.write("latency.png", Charts.latency(report.dataset(), log.recallWithEmbeddingMillis,
        log.recallWithoutEmbeddingMillis));
    files.write(ReportFiles.REPORT_JSON, JsonReport.bytes(report));
    files.commit();
    int headlineEnd = markdown.indexOf("## By category");
    int headlineStart = markdown.indexOf("## All questions");
    out.println(markdown.substring(headlineStart, headlineEnd).strip());
    out.println();
    out.println("report: " + files.dir().resolve("report.md") + " (wall "
        + Math.round(report.wallSeconds()) + " s)");
    out.flush();
  }
}
