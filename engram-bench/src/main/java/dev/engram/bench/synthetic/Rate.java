package dev.engram.bench.synthetic;

/**
 * A success rate with its Wilson 95% score interval (good at small n and near 0 or 1, unlike the
 * normal approximation). A package-private helper: the bench module's metrics are another team's.
 *
 * @param successes in [0, n]
 * @param n trials, at least 0; a rate over 0 trials is 0 with interval [0, 1]
 * @param rate successes / n
 * @param low lower bound of the 95% interval
 * @param high upper bound of the 95% interval
 */
record Rate(int successes, int n, double rate, double low, double high) {
  private static final double Z = 1.959964;

  Rate {
    if (n < 0 || successes < 0 || successes > n) {
      throw new IllegalArgumentException(
          "successes must be in [0, n] with n >= 0, was " + successes + " of " + n);
    }
  }

  /** The rate of {@code successes} in {@code n} trials with its Wilson interval. */
  static Rate of(int successes, int n) {
    if (n == 0) {
      return new Rate(0, 0, 0, 0, 1);
    }
    double p = (double) successes / n;
    double z2 = Z * Z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return new Rate(successes, n, p, Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /** {@code 0.91 [0.85, 0.95] (n=100)}. */
  String format() {
    return String.format(java.util.Locale.ROOT, "%.3f [%.2f, %.2f] (n=%d)", rate, low, high, n);
  }
}
