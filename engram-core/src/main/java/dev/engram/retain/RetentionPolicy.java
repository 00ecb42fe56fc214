package dev.engram.retain;

import dev.engram.model.Require;
import java.time.Duration;

/**
 * How pruning ranks and keeps episodes (research.md F3): priority
 * {@code p = sal * d^turns * 2^(-age / halfLife) * (1 + beta * ln(1 + accesses))}, where
 * {@code sal} is the episode's salience (F2) in its subject, {@code turns} how many episodes came
 * after it and {@code age} the time since its event by the injected clock. Pruning keeps the
 * {@code keepHot} highest-priority episodes hot and moves the rest to the cold tier; pinned items,
 * notes and episodes that back a current fact are never pruned.
 *
 * @param halfLife age at which the age factor halves; positive; default 30 days
 * @param beta weight of access reinforcement, >= 0; default 0.5
 * @param turnDecay per-turn salience decay d in (0, 1]; default 0.999
 * @param keepHot how many episodes stay hot, >= 1
 */
public record RetentionPolicy(Duration halfLife, double beta, double turnDecay, int keepHot) {
  public RetentionPolicy {
    Require.nonNull(halfLife, "halfLife");
    if (halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("halfLife must be positive, was " + halfLife);
    }
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be finite and >= 0, was " + beta);
    }
    if (!(turnDecay > 0 && turnDecay <= 1)) {
      throw new IllegalArgumentException("turnDecay must be in (0, 1], was " + turnDecay);
    }
    Require.inRange(keepHot, 1, Integer.MAX_VALUE, "keepHot");
  }

  /** The defaults, keeping {@code keepHot} episodes hot. */
  public static RetentionPolicy keeping(int keepHot) {
    return new RetentionPolicy(Duration.ofDays(30), 0.5, 0.999, keepHot);
  }

  /** The priority of one episode. */
  public double priority(double salience, long turnsAfter, Duration age, long accesses) {
    double ageDays = Math.max(0, age.toMillis()) / 86_400_000.0;
    double halfDays = halfLife.toMillis() / 86_400_000.0;
    return salience * Math.pow(turnDecay, Math.max(0, turnsAfter)) * Math.pow(2, -ageDays / halfDays)
        * (1 + beta * Math.log1p(Math.max(0, accesses)));
  }
}
