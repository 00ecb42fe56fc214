package dev.engram.bench.report;

import dev.engram.bench.metrics.Estimate;
import dev.engram.bench.metrics.Percentiles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The human summary of a {@link BenchReport}: the run, one row per system with the headline
 * figures (each "value ±half-width" of its 95% interval), per-category tables, the paired tests
 * and the speed table. Thread-safe.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  /** The report as Markdown. */
  public static String render(BenchReport r) {
    StringBuilder md = new StringBuilder();
    header(md, r);
    headline(md, r);
    categories(md, r);
    abstention(md, r);
    paired(md, r);
    SpeedTable.render(md, r);
    return md.toString();
  }

  private static void header(StringBuilder md, BenchReport r) {
    BenchReport.Data d = r.data();
    md.append("# engram bench ").append(r.dataset()).append("\n\n");
    md.append("- command: `").append(r.command()).append("`\n");
    md.append("- data: `").append(r.dataFile()).append("`: ").append(d.questionsAsked())
        .append(" of ").append(d.questionsInFile()).append(" questions, ").append(d.haystacks())
        .append(" haystacks (").append(d.retrievalTargets()).append(" with evidence, ")
        .append(d.answerTargets()).append(" with a gold answer, ").append(d.abstentionTargets())
        .append(" expecting abstention)\n");
    md.append("- machine: ").append(r.machine().cores()).append(" cores, Java ")
        .append(r.machine().javaVersion()).append(", ").append(r.machine().os()).append('\n');
    md.append("- started ").append(r.startedAt()).append(", wall time ")
        .append(fmt("%.0f", r.wallSeconds())).append(" s\n");
    BenchReport.Config c = r.config();
    md.append("- embedder `").append(c.embedder()).append("`, store `").append(c.store())
        .append("`, reader `").append(c.reader()).append("` at ").append(c.readerBudget())
        .append(" tokens, seed ").append(c.seed()).append("\n\n");
    if (c.judge() != null) {
      md.append("LLM judge ").append(c.judge().lines().findFirst().orElse(""))
          .append(" (`answer.judge`), prompt:\n\n```\n")
          .append(c.judge().substring(c.judge().indexOf('\n') + 1)).append("\n```\n\n");
    }
    md.append("Figures are value ±half-width of the 95% interval (Wilson for 0/1 outcomes, normal "
        + "for means); `n` questions. Retrieval is at turn level unless marked session.\n\n");
  }

  private static void headline(StringBuilder md, BenchReport r) {
    List<String[]> columns = headlineColumns(r);
    md.append("## All questions\n\n| system |");
    columns.forEach(col -> md.append(' ').append(col[1]).append(" |"));
    md.append(" n (retrieval) |\n|---|");
    columns.forEach(col -> md.append("---|"));
    md.append("---|\n");
    r.systems().forEach((name, figures) -> {
      md.append("| ").append(name).append(" |");
      columns.forEach(
          col -> md.append(' ').append(cell(figures.overall().get(col[0]))).append(" |"));
      Estimate any = figures.overall().get(columns.get(0)[0]);
      md.append(' ').append(any == null ? "-" : any.n()).append(" |\n");
    });
    md.append('\n');
  }

  private static List<String[]> headlineColumns(BenchReport r) {
    List<String[]> columns = new ArrayList<>();
    for (int k : new int[] {5, 10}) {
      if (r.config().k().contains(k)) {
        columns.add(new String[] {"turn.recall_all@" + k, "recall_all@" + k});
      }
    }
    if (r.config().k().contains(5)) {
      columns.add(new String[] {"session.recall_all@5", "session recall_all@5"});
    }
    for (int budget : r.config().budgets()) {
      columns.add(new String[] {"context.all@" + budget, "in-context@" + budget});
    }
    columns.add(new String[] {"answer.f1", "F1"});
    if (r.config().judge() != null) {
      columns.add(new String[] {"answer.judge", "LLM judge"});
    }
    return columns;
  }

  private static void categories(StringBuilder md, BenchReport r) {
    int k = r.config().k().contains(10) ? 10 : r.config().k().get(r.config().k().size() - 1);
    List<String> metrics = List.of("turn.recall_all@" + k, "session.recall_all@" + k,
        "context.all@" + r.config().readerBudget(), "answer.f1");
    Set<String> categories = new LinkedHashSet<>();
    r.systems().values().forEach(s -> categories.addAll(s.byCategory().keySet()));
    md.append("## By category\n\n");
    for (String metric : metrics) {
      md.append("### ").append(metric).append("\n\n| category | n |");
      r.systems().keySet().forEach(s -> md.append(' ').append(s).append(" |"));
      md.append("\n|---|---|");
      r.systems().keySet().forEach(s -> md.append("---|"));
      md.append('\n');
      for (String category : categories) {
        Estimate first = null;
        StringBuilder row = new StringBuilder();
        for (BenchReport.SystemFigures figures : r.systems().values()) {
          Map<String, Estimate> map = figures.byCategory().getOrDefault(category, Map.of());
          Estimate e = map.get(metric);
          first = first == null ? e : first;
          row.append(' ').append(cell(e)).append(" |");
        }
        if (first != null) {
          md.append("| ").append(category).append(" | ").append(first.n()).append(" |")
              .append(row).append('\n');
        }
      }
      md.append('\n');
    }
  }

  private static void abstention(StringBuilder md, BenchReport r) {
    md.append("## Abstention (the reader abstains on the packed context)\n\n"
        + "| system | precision | recall |\n|---|---|---|\n");
    r.systems().forEach((name, figures) -> md.append("| ").append(name).append(" | ")
        .append(cellN(figures.overall().get("abstention.precision"))).append(" | ")
        .append(cellN(figures.overall().get("abstention.recall"))).append(" |\n"));
    md.append('\n');
  }

  private static void paired(StringBuilder md, BenchReport r) {
    if (r.paired().isEmpty()) {
      return;
    }
    md.append("## Paired tests: engram vs each baseline (exact McNemar, Holm-corrected)\n\n"
        + "| baseline | metric | n | engram | baseline | engram only | baseline only | p "
        + "| p (Holm) |\n"
        + "|---|---|---|---|---|---|---|---|---|\n");
    for (BenchReport.Paired p : r.paired()) {
      md.append("| ").append(p.baseline()).append(" | ").append(p.metric()).append(" | ")
          .append(p.n()).append(" | ").append(fmt("%.3f", p.engram())).append(" | ")
          .append(fmt("%.3f", p.baselineValue())).append(" | ").append(p.engramOnly())
          .append(" | ").append(p.baselineOnly()).append(" | ").append(pValue(p.pValue()))
          .append(" | ").append(pValue(p.pHolm())).append(" |\n");
    }
    md.append('\n');
  }

  static String cell(Estimate e) {
    if (e == null) {
      return "-";
    }
    return fmt("%.3f ±%.3f", e.value(), e.halfWidth());
  }

  private static String cellN(Estimate e) {
    return e == null ? "-" : cell(e) + " (n=" + e.n() + ")";
  }

  static String pValue(double p) {
    return p < 0.001 ? fmt("%.1e", p) : fmt("%.3f", p);
  }

  static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  static String ms(Percentiles p) {
    return p == null ? "- | - | -"
        : fmt("%.1f | %.1f | %.1f", p.p50(), p.p95(), p.p99());
  }
}
