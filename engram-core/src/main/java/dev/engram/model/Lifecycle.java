package dev.engram.model;

import java.time.Instant;

/**
 * The mutable state of a memory item, beside its immutable content: where it lives, whether it
 * is pinned, its validity (for facts), its salience and how often recall used it.
 *
 * @param tier hot (searchable) or cold (pruned out of the search indexes); never null
 * @param pinned a pinned item is never pruned and never decays
 * @param attribute for a fact, its normalised attribute ("home city"); for a summary, its level
 *     ({@link #LEVEL_SESSION} or {@link #LEVEL_SUBJECT}); null otherwise
 * @param validFrom for a fact, when it became true; null otherwise
 * @param validTo for a fact, when it stopped being true (set when a newer fact supersedes it);
 *     null while current
 * @param supersededBy the id of the fact that replaced this one; null while current
 * @param salience retention salience (research.md F2), at least 0; set when pruning ranked the
 *     item out of the hot tier, 0 when not computed
 * @param accessCount hits: how many times recall ranked the item among its best ten hits or the
 *     admission gate merged a near-repeat into it, at least 0
 * @param lastAccess when it last got a hit; null if never
 */
public record Lifecycle(
    Tier tier,
    boolean pinned,
    String attribute,
    Instant validFrom,
    Instant validTo,
    String supersededBy,
    double salience,
    long accessCount,
    Instant lastAccess) {
  /** The {@code attribute} of a session (level-1) summary. */
  public static final String LEVEL_SESSION = "summary-level-1";
  /** The {@code attribute} of a subject (level-2) summary. */
  public static final String LEVEL_SUBJECT = "summary-level-2";
  /** A hot, unpinned item with no validity, salience or accesses: what a new episode gets. */
  public static final Lifecycle DEFAULT =
      new Lifecycle(Tier.HOT, false, null, null, null, null, 0, 0, null);

  public Lifecycle {
    Require.nonNull(tier, "tier");
    if (!(salience >= 0) || Double.isInfinite(salience)) {
      throw new IllegalArgumentException("salience must be finite and >= 0, was " + salience);
    }
    Require.nonNegative(accessCount, "accessCount");
    if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
      throw new IllegalArgumentException(
          "validTo must not be before validFrom, was " + validFrom + " .. " + validTo);
    }
  }

  /** The state of a current fact on {@code attribute}, true from {@code from}. */
  public static Lifecycle fact(String attribute, Instant from) {
    return new Lifecycle(Tier.HOT, false, Require.nonBlank(attribute, "attribute"),
        Require.nonNull(from, "from"), null, null, 0, 0, null);
  }

  /** Whether no newer fact replaced this one. */
  public boolean current() {
    return validTo == null && supersededBy == null;
  }

  public Lifecycle withTier(Tier value) {
    return new Lifecycle(value, pinned, attribute, validFrom, validTo, supersededBy, salience,
        accessCount, lastAccess);
  }

  public Lifecycle withPinned(boolean value) {
    return new Lifecycle(tier, value, attribute, validFrom, validTo, supersededBy, salience,
        accessCount, lastAccess);
  }

  /** This state closed at {@code to} by {@code newer}, or reopened when both are null. */
  public Lifecycle supersededAt(Instant to, String newer) {
    return new Lifecycle(tier, pinned, attribute, validFrom, to, newer, salience, accessCount,
        lastAccess);
  }

  public Lifecycle withSalience(double value) {
    return new Lifecycle(tier, pinned, attribute, validFrom, validTo, supersededBy, value,
        accessCount, lastAccess);
  }

  /** One more access, at {@code at}. */
  public Lifecycle accessed(Instant at) {
    return new Lifecycle(tier, pinned, attribute, validFrom, validTo, supersededBy, salience,
        accessCount + 1, at);
  }
}
