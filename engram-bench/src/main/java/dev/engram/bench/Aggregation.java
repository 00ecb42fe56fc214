package dev.engram.bench;

import dev.engram.bench.metrics.Estimate;
import dev.engram.bench.report.BenchReport.SystemFigures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-question results into figures: for each system, every metric over the questions it applies
 * to (Wilson intervals for 0/1 metrics, normal intervals for means), overall and per category;
 * plus abstention precision (abstentions that were expected) and recall (expected abstentions
 * made), both Wilson.
 */
final class Aggregation {
  /** Metric names in reading order: by name, then by the number after '@'. */
  static final Comparator<String> METRIC_ORDER = Comparator
      .comparing((String m) -> m.contains("@") ? m.substring(0, m.indexOf('@')) : m)
      .thenComparingInt(m -> m.contains("@") ? Integer.parseInt(m.substring(m.indexOf('@') + 1)) : -1);

  private Aggregation() {}

  /** Figures per system, in the order of {@code systems}. */
  static Map<String, SystemFigures> summarize(List<String> systems, List<CaseResult> results) {
    Map<String, SystemFigures> out = new LinkedHashMap<>();
    for (String system : systems) {
      List<CaseResult> mine = results.stream().filter(r -> r.system().equals(system)).toList();
      Map<String, List<CaseResult>> byCategory = new TreeMap<>();
      for (CaseResult r : mine) {
        byCategory.computeIfAbsent(r.category(), c -> new ArrayList<>()).add(r);
      }
      Map<String, Map<String, Estimate>> categories = new LinkedHashMap<>();
      byCategory.forEach((category, list) -> categories.put(category, figures(list)));
      out.put(system, new SystemFigures(figures(mine), categories));
    }
    return out;
  }

  /** Every metric's estimate over {@code results} (one system), metrics with no data left out. */
  static Map<String, Estimate> figures(List<CaseResult> results) {
    Map<String, List<Double>> values = new HashMap<>();
    for (CaseResult r : results) {
      r.values().forEach((metric, v) -> values.computeIfAbsent(metric, m -> new ArrayList<>()).add(v));
    }
    Map<String, Estimate> out = new TreeMap<>(METRIC_ORDER);
    values.forEach((metric, list) -> out.put(metric, estimate(metric, list)));
    abstention(results, out);
    return out;
  }

  private static Estimate estimate(String metric, List<Double> list) {
    double[] array = SpeedLog.array(list);
    if (Metrics.binary(metric)) {
      long successes = 0;
      for (double v : array) {
        successes += v > 0.5 ? 1 : 0;
      }
      return Estimate.wilson(successes, array.length);
    }
    return Estimate.mean(array);
  }

  private static void abstention(List<CaseResult> results, Map<String, Estimate> out) {
    long truePositive = 0;
    long abstained = 0;
    long expected = 0;
    for (CaseResult r : results) {
      abstained += r.abstained() ? 1 : 0;
      expected += r.expectAbstain() ? 1 : 0;
      truePositive += r.abstained() && r.expectAbstain() ? 1 : 0;
    }
    if (abstained > 0) {
      out.put(Metrics.ABSTAIN_PRECISION, Estimate.wilson(truePositive, abstained));
    }
    if (expected > 0) {
      out.put(Metrics.ABSTAIN_RECALL, Estimate.wilson(truePositive, expected));
    }
  }
}
