package dev.engram.bench.metrics;

import java.util.Arrays;

/**
 * Latency percentiles of a sample, by the nearest-rank method (the value below which at least
 * p% of the sample lies), in the sample's unit.
 *
 * @param n sample size
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param mean arithmetic mean
 * @param max largest value
 */
public record Percentiles(int n, double p50, double p95, double p99, double mean, double max) {

  /** The percentiles of {@code values}; all NaN (n = 0) for an empty sample. */
  public static Percentiles of(double[] values) {
    if (values.length == 0) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (double v : sorted) {
      sum += v;
    }
    return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
        sum / sorted.length, sorted[sorted.length - 1]);
  }

  private static double rank(double[] sorted, double percent) {
    int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
