package dev.engram.server.auth;

import dev.engram.model.Require;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per API key: each key may make {@code burst} requests at once and
 * {@code perSecond} requests per second on average. Time comes from the injected clock, so tests
 * step it instead of sleeping.
 *
 * <p>Thread-safe.
 */
public final class RateLimiter {
  private final double perSecond;
  private final int burst;
  private final Clock clock;
  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param perSecond refill rate in requests per second, in (0, 1e6]; 0 disables the limit
   * @param burst bucket size in requests, at least 1
   */
  public RateLimiter(double perSecond, int burst, Clock clock) {
    if (perSecond < 0 || perSecond > 1e6) {
      throw new IllegalArgumentException("perSecond must be in [0, 1000000], was " + perSecond);
    }
    this.perSecond = perSecond;
    this.burst = Require.inRange(burst, 1, 1_000_000, "burst");
    this.clock = Require.nonNull(clock, "clock");
  }

  /**
   * Takes one token for {@code keyId}.
   *
   * @return 0 when allowed, else how many whole seconds (at least 1) until a token is free
   */
  public long acquire(String keyId) {
    if (perSecond == 0) {
      return 0;
    }
    Bucket bucket = buckets.computeIfAbsent(keyId, k -> new Bucket(burst, clock.millis()));
    synchronized (bucket) {
      long now = clock.millis();
      bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.lastMillis) * perSecond / 1000);
      bucket.lastMillis = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
    }
  }

  private static final class Bucket {
    double tokens;
    long lastMillis;

    Bucket(double tokens, long lastMillis) {
      this.tokens = tokens;
      this.lastMillis = lastMillis;
    }
  }
}
