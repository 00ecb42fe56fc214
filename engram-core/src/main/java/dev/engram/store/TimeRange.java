package dev.engram.store;

import java.time.Instant;

/**
 * A half-open range of event times, {@code [from, to)}; either end may be null for unbounded.
 *
 * @param from inclusive lower bound, or null
 * @param to exclusive upper bound, or null
 */
public record TimeRange(Instant from, Instant to) {
  /** The unbounded range. */
  public static final TimeRange ALL = new TimeRange(null, null);

  public TimeRange {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException(
          "time range 'from' must be before 'to', was from=" + from + " to=" + to);
    }
  }

  /** Whether {@code time} lies in this range. */
  public boolean contains(Instant time) {
    return (from == null || !time.isBefore(from)) && (to == null || time.isBefore(to));
  }

  /** Whether both ends are open. */
  public boolean isAll() {
    return from == null && to == null;
  }
}
