package dev.engram.bench;

import dev.engram.model.Require;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One question of a benchmark, dataset-neutral.
 *
 * @param id unique within the run, e.g. {@code conv-26#q12} or a LongMemEval question id
 * @param category the category label reports group by, e.g. {@code 1 multi-hop} or
 *     {@code temporal-reasoning}
 * @param question the question text, non-blank
 * @param answer the gold answer, or null when there is none to score against
 * @param evidenceTurns the turn ids (message ids) that support the answer; may be empty
 * @param evidenceSessions the sessions that hold the evidence as the dataset declares them; empty
 *     means "derive them from the evidence turns"
 * @param expectAbstain true when the right behaviour is to say the memory does not hold the answer
 * @param retrievalTarget true when retrieval metrics are computed for this question
 * @param answerTarget true when the reader's answer is scored against {@code answer}
 */
public record BenchCase(
    String id,
    String category,
    String question,
    String answer,
    Set<String> evidenceTurns,
    Set<String> evidenceSessions,
    boolean expectAbstain,
    boolean retrievalTarget,
    boolean answerTarget) {

  public BenchCase {
    Require.nonBlank(id, "id");
    Require.nonBlank(category, "category");
    Require.nonBlank(question, "question");
    evidenceTurns = ordered(Require.nonNull(evidenceTurns, "evidenceTurns"));
    evidenceSessions = ordered(Require.nonNull(evidenceSessions, "evidenceSessions"));
    if (answerTarget && answer == null) {
      throw new IllegalArgumentException("case " + id + ": an answer target needs an answer");
    }
  }

  private static Set<String> ordered(Set<String> ids) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(ids));
  }
}
