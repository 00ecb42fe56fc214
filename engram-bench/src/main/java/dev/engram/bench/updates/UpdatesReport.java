package dev.engram.bench.updates;

import java.util.List;
import java.util.Locale;

/**
 * The rates of the update/forget family (research.md F12).
 *
 * @param cases generated cases
 * @param rows per variant and budget: freshness hits and outdated answers
 * @param forgetProbes secrets forgotten and then probed for
 * @param leaks probes where the secret was still found (answer, context, items or file bytes)
 */
record UpdatesReport(int cases, List<Row> rows, int forgetProbes, int leaks) {

  /** Counts of one variant at one budget. */
  record Row(String variant, int budget, int asked, int fresh, int outdated) {
    Row plus(boolean isFresh, boolean isOutdated) {
      return new Row(variant, budget, asked + 1, fresh + (isFresh ? 1 : 0),
          outdated + (isOutdated ? 1 : 0));
    }

    double freshnessHitRate() {
      return asked == 0 ? 0 : (double) fresh / asked;
    }

    double outdatedAnswerRate() {
      return asked == 0 ? 0 : (double) outdated / asked;
    }
  }

  double leakRate() {
    return forgetProbes == 0 ? 0 : (double) leaks / forgetProbes;
  }

  String markdown(String command) {
    StringBuilder out = new StringBuilder("# engram bench updates\n\n- command: `" + command
        + "`\n- " + cases + " generated cases (a value stated, changed 1-3 times, then asked)\n\n"
        + "| system | budget | freshness-hit rate | outdated-answer rate | n |\n|---|---|---|---|---|\n");
    for (Row row : rows) {
      out.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %d |%n", row.variant(),
          row.budget(), row.freshnessHitRate(), row.outdatedAnswerRate(), row.asked()));
    }
    out.append(String.format(Locale.ROOT, "%nForget probes: %d, leaks: %d, leak rate %.3f "
        + "(answer, packed context, stored items and every file byte checked).%n", forgetProbes,
        leaks, leakRate()));
    return out.toString();
  }
}
