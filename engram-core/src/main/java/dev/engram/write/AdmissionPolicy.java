package dev.engram.write;

/**
 * When a new round enters the searchable (hot) index: novelty-gated admission with momentum
 * (research.md F4, a Titans analog). For a round with unit vector {@code e}, novelty is {@code
 * nov = 1 - max cos(e, e_j)} over the subject's hot episodes and the rounds before it in the same
 * call, and the momentum {@code m = momentum * m_prev + (1 - momentum) * nov}. The round is
 * admitted when {@code m >= threshold}, when a fact pattern matched in it, or when it comes from a
 * document (documents are remembered on purpose). A round that is not admitted is still stored,
 * verbatim and durable, but in the cold tier (history, get, timeline and forget reach it; search
 * does not), and it counts as a hit on its nearest hot episode, which reinforces that episode's
 * retention (F3). Each merge is audited.
 *
 * <p>The default threshold is lower than F4's 0.25 because of what the bundled embedder does:
 * bge-small gives unrelated rounds of one conversation cosines of 0.6-0.85, so at 0.25 it turned
 * away rounds that carried answers (docs/BENCHMARKS.md, "Admission"). At {@value
 * #DEFAULT_THRESHOLD} only near-repeats are merged.
 *
 * @param threshold admit when the momentum is at least this; in [0, 1]; 0 admits every round
 * @param momentum the weight of the previous momentum (F4's eta), in [0, 1)
 */
public record AdmissionPolicy(double threshold, double momentum) {
  /** The default threshold on the novelty momentum. */
  public static final double DEFAULT_THRESHOLD = 0.05;
  /** F4's eta. */
  public static final double DEFAULT_MOMENTUM = 0.5;
  /** The default policy. */
  public static final AdmissionPolicy DEFAULT = atThreshold(DEFAULT_THRESHOLD);
  /** Admits every round (no gate). */
  public static final AdmissionPolicy ADMIT_ALL = atThreshold(0);

  public AdmissionPolicy {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], was " + threshold);
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1), was " + momentum);
    }
  }

  /** The policy with {@code threshold} and the default momentum. */
  public static AdmissionPolicy atThreshold(double threshold) {
    return new AdmissionPolicy(threshold, DEFAULT_MOMENTUM);
  }

  /** Whether this policy can turn a round away at all. */
  public boolean gates() {
    return threshold > 0;
  }

  /** The momentum after a round of {@code novelty}, given the one before. */
  public double next(double previous, double novelty) {
    return momentum * previous + (1 - momentum) * novelty;
  }
}
