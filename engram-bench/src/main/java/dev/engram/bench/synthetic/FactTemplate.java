package dev.engram.bench.synthetic;

import dev.engram.model.Require;
import java.util.List;

/**
 * A needle's shape: a fact sentence and its question, with {@code {name}} and {@code {value}}
 * slots, and the values the slot may take (short phrases, so "the answer contains the value"
 * is an exact test).
 *
 * @param fact e.g. {@code "The secret ingredient in {name}'s soup is {value}."}
 * @param question e.g. {@code "What is the secret ingredient in {name}'s soup?"}
 * @param values at least one
 */
record FactTemplate(String fact, String question, List<String> values) {
  FactTemplate {
    Require.nonBlank(fact, "fact");
    Require.nonBlank(question, "question");
    if (!fact.contains("{name}") || !fact.contains("{value}") || !question.contains("{name}")) {
      throw new IllegalArgumentException("template needs {name} and {value} slots: " + fact);
    }
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("values must not be empty for " + fact);
    }
  }

  /** The fact about {@code name} with {@code value}. */
  String fact(String name, String value) {
    return fact.replace("{name}", name).replace("{value}", value);
  }

  /** The question about {@code name}. */
  String question(String name) {
    return question.replace("{name}", name);
  }
}
