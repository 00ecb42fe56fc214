package dev.engram.retain;

import dev.engram.model.Require;
import java.time.Duration;

/**
 * How pruning ranks and keeps episodes (research.md F3): priority
 * {@code p = sal * d^turns * 2^(-age / halfLife) * (1 + beta * ln(1 + hits))}, where {@code sal}
 * is the episode's salience (F2) in its subject, {@code d} its per-turn decay ({@link TurnDecay},
 * by {@link TurnKind}), {@code turns} how many episodes came after it, {@code age} the time since
 * its event by the injected clock and {@code hits} how often recall ranked it in its best ten or
 * a near-repeat was merged into it. Pruning keeps the {@code keepHot} highest-priority episodes
 * hot and moves the rest to the cold tier; pinned items, notes and episodes that back a current
 * fact are never pruned. Priorities are compared as logarithms, so thousands of turns of decay do
 * not underflow to ties.
 *
 * @param halfLife age at which the age factor halves; positive; default 30 days
 * @param beta weight of access reinforcement, >= 0; default 0.5
 * @param decay per-turn salience decay by turn kind; default {@link TurnDecay#DEFAULT}
 * @param keepHot how many episodes stay hot, >= 1
 */
public record RetentionPolicy(Duration halfLife, double beta, TurnDecay decay, int keepHot) {
  public RetentionPolicy {
    Require.nonNull(halfLife, "halfLife");
    if (halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("halfLife must be positive, was " + halfLife);
    }
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be finite and >= 0, was " + beta);
    }
    Require.nonNull(decay, "decay");
    Require.inRange(keepHot, 1, Integer.MAX_VALUE, "keepHot");
  }

  /** The defaults, keeping {@code keepHot} episodes hot. */
  public static RetentionPolicy keeping(int keepHot) {
    return new RetentionPolicy(Duration.ofDays(30), 0.5, TurnDecay.DEFAULT, keepHot);
  }

  /** This policy with another per-turn decay. */
  public RetentionPolicy withDecay(TurnDecay value) {
    return new RetentionPolicy(halfLife, beta, value, keepHot);
  }

  /**
   * The priority of one episode.
   *
   * @param salience its salience (F2), >= 0
   * @param rate its per-turn decay rate ({@link TurnDecay#rate})
   * @param turnsAfter episodes after it
   * @param age time since its event (negative counts as zero)
   * @param hits accesses and merges
   */
  public double priority(double salience, double rate, long turnsAfter, Duration age, long hits) {
    return Math.exp(logPriority(salience, rate, turnsAfter, age, hits));
  }

  /** The natural log of {@link #priority} (minus infinity for salience 0), for ranking. */
  public double logPriority(double salience, double rate, long turnsAfter, Duration age,
      long hits) {
    double ageDays = Math.max(0, age.toMillis()) / 86_400_000.0;
    double halfDays = halfLife.toMillis() / 86_400_000.0;
    return Math.log(salience) + Math.max(0, turnsAfter) * Math.log(rate)
        - ageDays / halfDays * Math.log(2) + Math.log1p(beta * Math.log1p(Math.max(0, hits)));
  }
}
