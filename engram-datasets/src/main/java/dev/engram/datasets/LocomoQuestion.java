package dev.engram.datasets;

import dev.engram.model.Require;
import java.util.List;

/**
 * One LoCoMo question with its gold answer and evidence.
 *
 * @param question the question, non-blank
 * @param answer the gold answer as text (numbers in the JSON are written as text, e.g. {@code
 *     "2022"}); null for most adversarial questions, which only have {@code adversarialAnswer}
 * @param adversarialAnswer for category 5, the plausible but unsupported answer the question tries
 *     to elicit (the expected behaviour is to say it is not mentioned); null otherwise
 * @param evidence the turn ids ({@code D3:7}) that support the answer, in the order given, each
 *     once; may be empty (4 questions of {@code locomo10.json} have none)
 * @param category the LoCoMo category number as in the data; the usual reading is 1 multi-hop,
 *     2 temporal, 3 open-domain, 4 single-hop, 5 adversarial, but the data does not name them
 */
public record LocomoQuestion(
    String question, String answer, String adversarialAnswer, List<String> evidence, int category) {
  public LocomoQuestion {
    Require.nonBlank(question, "question");
    evidence = List.copyOf(Require.nonNull(evidence, "evidence"));
  }
}
