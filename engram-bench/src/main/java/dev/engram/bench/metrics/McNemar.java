package dev.engram.bench.metrics;

/**
 * The exact McNemar test of two systems on the same questions: only discordant pairs count
 * ({@code b}: the first system succeeds where the second fails; {@code c}: the reverse). Under the
 * null hypothesis each discordant pair is a fair coin, so the two-sided p-value is
 * {@code min(1, 2 · P[X <= min(b, c)])} with {@code X ~ Binomial(b + c, 1/2)}.
 */
public final class McNemar {
  private McNemar() {}

  /**
   * The exact two-sided p-value; 1 when there are no discordant pairs.
   *
   * @param b pairs where only the first system succeeds, at least 0
   * @param c pairs where only the second system succeeds, at least 0
   */
  public static double exactP(int b, int c) {
    if (b < 0 || c < 0) {
      throw new IllegalArgumentException("b and c must not be negative, were " + b + ", " + c);
    }
    int n = b + c;
    if (n == 0) {
      return 1;
    }
    int low = Math.min(b, c);
    // Sum in log space: 0.5^n underflows for n above ~1000.
    double tail = 0;
    double logHalfN = n * Math.log(0.5);
    for (int i = 0; i <= low; i++) {
      tail += Math.exp(logChoose(n, i) + logHalfN);
    }
    return Math.min(1, 2 * tail);
  }

  private static double logChoose(int n, int k) {
    double sum = 0;
    for (int i = 1; i <= k; i++) {
      sum += Math.log(n - k + i) - Math.log(i);
    }
    return sum;
  }
}
