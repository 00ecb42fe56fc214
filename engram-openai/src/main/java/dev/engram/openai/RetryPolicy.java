package dev.engram.openai;

import dev.engram.model.Require;
import java.time.Duration;

/**
 * Bounded retries with exponential backoff for 429, 5xx, timeouts and refused connections.
 * Attempt {@code n} (0-based) waits {@code min(maxBackoff, initialBackoff * 2^n)}, or the
 * server's {@code Retry-After} when that is longer (still capped at {@code maxBackoff}).
 *
 * @param maxRetries retries after the first attempt, in [0, 10]
 * @param initialBackoff wait before the first retry, positive
 * @param maxBackoff cap on any single wait, at least {@code initialBackoff}
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

  /** Two retries, 500 ms then 1 s, never more than 8 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(8));

  public RetryPolicy {
    Require.inRange(maxRetries, 0, 10, "maxRetries");
    Require.nonNull(initialBackoff, "initialBackoff");
    Require.nonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("initialBackoff must be positive, was " + initialBackoff);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must be >= initialBackoff (" + initialBackoff
          + "), was " + maxBackoff);
    }
  }

  /** This policy with another retry count. */
  public RetryPolicy withMaxRetries(int retries) {
    return new RetryPolicy(retries, initialBackoff, maxBackoff);
  }

  /**
   * The wait before retry {@code attempt} (0 for the first retry).
   *
   * @param retryAfter the server's Retry-After, or null
   */
  public Duration backoff(int attempt, Duration retryAfter) {
    Duration exponential = initialBackoff.multipliedBy(1L << Math.min(attempt, 20));
    Duration wait = retryAfter != null && retryAfter.compareTo(exponential) > 0 ? retryAfter : exponential;
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }

  /** Whether an HTTP status is worth retrying: 408, 409, 429 and every 5xx. */
  public static boolean retryable(int status) {
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }
}
