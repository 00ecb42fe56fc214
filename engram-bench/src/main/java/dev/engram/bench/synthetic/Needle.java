package dev.engram.bench.synthetic;

import dev.engram.model.Require;

/**
 * A planted fact and the question that asks for it.
 *
 * @param id unique within a run, e.g. {@code n-16k-r0-d50}
 * @param fact the sentence planted in the haystack
 * @param question the question whose answer is in {@code fact}
 * @param answer what a correct answer contains (case-insensitive)
 */
record Needle(String id, String fact, String question, String answer) {
  Needle {
    Require.nonBlank(id, "id");
    Require.nonBlank(fact, "fact");
    Require.nonBlank(question, "question");
    Require.nonBlank(answer, "answer");
    if (!fact.contains(answer)) {
      throw new IllegalArgumentException("fact must contain its answer '" + answer + "': " + fact);
    }
  }

  /** Whether {@code text} holds the answer, ignoring case. */
  boolean answeredBy(String text) {
    return text.toLowerCase(java.util.Locale.ROOT)
        .contains(answer.toLowerCase(java.util.Locale.ROOT));
  }
}
