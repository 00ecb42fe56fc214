package dev.engram.bench.synthetic;

import java.util.Arrays;

/**
 * Latency percentiles in milliseconds (nearest-rank).
 *
 * @param n samples
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max the slowest sample
 */
record Latency(int n, double p50, double p95, double p99, double max) {
  /** Percentiles of {@code millis}; all zero when empty. */
  static Latency of(double[] millis) {
    if (millis.length == 0) {
      return new Latency(0, 0, 0, 0, 0);
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new Latency(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
        sorted[sorted.length - 1]);
  }

  private static double rank(double[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
