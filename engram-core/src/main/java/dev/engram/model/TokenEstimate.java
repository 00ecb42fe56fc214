package dev.engram.model;

/**
 * Token counts for budgets, estimated as characters / 4 (rounded up). This is the unit of every
 * budget in Engram and of the reference figures in the benchmarks; it is within ~10% of OpenAI's
 * cl100k on English prose and costs nothing.
 */
public final class TokenEstimate {
  private TokenEstimate() {}

  /** Estimated tokens of {@code text}; 0 for null or empty. */
  public static int of(String text) {
    return text == null ? 0 : (text.length() + 3) / 4;
  }
}
