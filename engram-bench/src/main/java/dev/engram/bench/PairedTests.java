package dev.engram.bench;

import dev.engram.bench.metrics.McNemar;
import dev.engram.bench.report.BenchReport.Paired;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Engram against each baseline on the same questions: exact McNemar tests on the per-question
 * 0/1 outcomes of the headline metrics (turn recall_all at 5 and 10, session recall_all at 5, all
 * evidence in context at the reader budget and at the largest budget), with Holm's correction over
 * every test of the run.
 */
final class PairedTests {
  private static final String ENGRAM = "engram";

  private PairedTests() {}

  /** The headline 0/1 metrics of a run's configuration. */
  static List<String> headline(BenchConfig config) {
    Set<String> metrics = new LinkedHashSet<>();
    for (int k : new int[] {5, 10}) {
      if (config.ks().contains(k)) {
        metrics.add(Metrics.at("turn", "recall_all", k));
      }
    }
    if (metrics.isEmpty()) {
      metrics.add(Metrics.at("turn", "recall_all", config.maxK()));
    }
    metrics.add(Metrics.at("session", "recall_all", config.ks().contains(5) ? 5 : config.maxK()));
    metrics.add(Metrics.contextAll(config.readerBudget()));
    metrics.add(Metrics.contextAll(config.maxBudget()));
    return List.copyOf(metrics);
  }

  /** The tests, baselines in run order; empty when engram was not run. */
  static List<Paired> run(BenchConfig config, List<CaseResult> results) {
    if (!config.systems().contains(ENGRAM)) {
      return List.of();
    }
    Map<String, Map<String, CaseResult>> bySystem = new HashMap<>();
    for (CaseResult r : results) {
      bySystem.computeIfAbsent(r.system(), s -> new HashMap<>()).put(r.caseId(), r);
    }
    List<Paired> tests = new ArrayList<>();
    for (String baseline : config.systems()) {
      if (baseline.equals(ENGRAM)) {
        continue;
      }
      for (String metric : headline(config)) {
        Paired test = test(bySystem.get(ENGRAM), bySystem.get(baseline), baseline, metric);
        if (test != null) {
          tests.add(test);
        }
      }
    }
    return holm(tests);
  }

  private static Paired test(Map<String, CaseResult> engram, Map<String, CaseResult> baseline,
      String name, String metric) {
    int n = 0;
    int engramHits = 0;
    int baselineHits = 0;
    int engramOnly = 0;
    int baselineOnly = 0;
    for (Map.Entry<String, CaseResult> entry : engram.entrySet()) {
      Double a = entry.getValue().values().get(metric);
      CaseResult other = baseline.get(entry.getKey());
      Double b = other == null ? null : other.values().get(metric);
      if (a == null || b == null) {
        continue;
      }
      n++;
      boolean hitA = a > 0.5;
      boolean hitB = b > 0.5;
      engramHits += hitA ? 1 : 0;
      baselineHits += hitB ? 1 : 0;
      engramOnly += hitA && !hitB ? 1 : 0;
      baselineOnly += hitB && !hitA ? 1 : 0;
    }
    if (n == 0) {
      return null;
    }
    return new Paired(name, metric, n, (double) engramHits / n, (double) baselineHits / n,
        engramOnly, baselineOnly, McNemar.exactP(engramOnly, baselineOnly), Double.NaN);
  }

  /** Holm's step-down adjustment: the i-th smallest p times (m - i), made monotone, capped at 1. */
  static List<Paired> holm(List<Paired> tests) {
    int m = tests.size();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble(i -> tests.get(i).pValue()));
    double[] adjusted = new double[m];
    double running = 0;
    for (int rank = 0; rank < m; rank++) {
      int i = order.get(rank);
      running = Math.max(running, Math.min(1, (m - rank) * tests.get(i).pValue()));
      adjusted[i] = running;
    }
    List<Paired> out = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      Paired t = tests.get(i);
      out.add(new Paired(t.baseline(), t.metric(), t.n(), t.engram(), t.baselineValue(),
          t.engramOnly(), t.baselineOnly(), t.pValue(), adjusted[i]));
    }
    return out;
  }
}
