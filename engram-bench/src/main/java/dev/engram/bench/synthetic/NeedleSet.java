package dev.engram.bench.synthetic;

import dev.engram.model.Require;
import java.util.List;

/**
 * Several needles asked together by one question ("What did Marta pack in the suitcase?").
 *
 * @param id unique within a run
 * @param question asks for all of them
 * @param needles at least one; each needle's question is {@code question} too
 */
record NeedleSet(String id, String question, List<Needle> needles) {
  NeedleSet {
    Require.nonBlank(id, "id");
    Require.nonBlank(question, "question");
    needles = List.copyOf(needles);
    if (needles.isEmpty()) {
      throw new IllegalArgumentException("needles must not be empty for set " + id);
    }
  }
}
