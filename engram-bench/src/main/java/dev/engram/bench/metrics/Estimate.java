package dev.engram.bench.metrics;

/**
 * A figure with its sample size and 95% interval.
 *
 * @param value the point estimate (a proportion, a mean)
 * @param n how many questions it rests on, at least 0 (0: no data, value NaN)
 * @param lo lower end of the 95% interval
 * @param hi upper end of the 95% interval
 * @param interval how the interval was computed: {@code wilson} for proportions of binary
 *     outcomes, {@code normal} (mean ± 1.96 standard errors) for means of continuous ones
 */
public record Estimate(double value, int n, double lo, double hi, String interval) {
  /** z for a two-sided 95% interval. */
  public static final double Z95 = 1.959963984540054;

  public Estimate {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative, was " + n);
    }
    if (!"wilson".equals(interval) && !"normal".equals(interval)) {
      throw new IllegalArgumentException("interval must be wilson or normal, was " + interval);
    }
  }

  /**
   * The Wilson score interval of {@code successes} out of {@code n} (well behaved near 0 and 1,
   * unlike the normal approximation).
   */
  public static Estimate wilson(long successes, long n) {
    if (successes < 0 || successes > n) {
      throw new IllegalArgumentException(
          "successes must be in [0, n=" + n + "], was " + successes);
    }
    if (n == 0) {
      return new Estimate(Double.NaN, 0, Double.NaN, Double.NaN, "wilson");
    }
    double p = (double) successes / n;
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return new Estimate(p, (int) n, Math.max(0, centre - half), Math.min(1, centre + half),
        "wilson");
  }

  /** The mean of {@code values} with a normal interval (sample standard deviation). */
  public static Estimate mean(double[] values) {
    int n = values.length;
    if (n == 0) {
      return new Estimate(Double.NaN, 0, Double.NaN, Double.NaN, "normal");
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    double half = n > 1 ? Z95 * Math.sqrt(squares / (n - 1) / n) : 0;
    return new Estimate(mean, n, mean - half, mean + half, "normal");
  }

  /** Half the interval's width: the "±" of a table cell. */
  public double halfWidth() {
    return (hi - lo) / 2;
  }
}
