package dev.engram.bench;

import java.util.List;
import java.util.Map;

/**
 * One system's outcome on one question.
 *
 * @param caseId the question's id
 * @param category its category label
 * @param system the system's name
 * @param values per metric name (see {@link Metrics}), the question's value; a metric that does
 *     not apply to the question (no evidence, no gold answer) is absent
 * @param expectAbstain whether the question expects an abstention
 * @param abstained whether the reader abstained on the system's context
 * @param answer the reader's answer text
 * @param evidenceRanks for each evidence turn, the 1-based rank of the first ranked item that
 *     holds it, 0 when none within the ranking depth (for looking at misses)
 * @param packMillis time of the system's pack at the reader budget, query vector cached
 */
record CaseResult(
    String caseId,
    String category,
    String system,
    Map<String, Double> values,
    boolean expectAbstain,
    boolean abstained,
    String answer,
    List<Integer> evidenceRanks,
    double packMillis) {

  CaseResult {
    values = Map.copyOf(values);
    evidenceRanks = List.copyOf(evidenceRanks);
  }
}
