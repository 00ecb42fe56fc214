package dev.engram.write;

import dev.engram.model.Require;

/**
 * The gate's decision on one round ({@link AdmissionPolicy}).
 *
 * @param admitted whether the round goes to the hot (searchable) tier
 * @param novelty 1 minus the cosine to its nearest neighbour; 1 when it had none
 * @param momentum the novelty momentum after this round
 * @param nearestId the id of its nearest hot episode (or admitted earlier round of the same
 *     call); null
 *     when there was none
 * @param why a short reason: {@code novel}, {@code fact}, {@code document}, {@code ungated} or
 *     {@code near-duplicate}; never null
 */
public record Admission(
    boolean admitted, double novelty, double momentum, String nearestId, String why) {
  public Admission {
    Require.nonBlank(why, "why");
    if (!admitted && nearestId == null) {
      throw new IllegalArgumentException("a merged round needs the nearestId it merges into");
    }
  }
}
