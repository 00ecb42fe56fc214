package dev.engram.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The speed and cost observations a run accumulates haystack by haystack. Mutable; one thread.
 */
final class SpeedLog {
  long ingestNanos;
  long ingestRounds;
  /** Rounds engram's admission gate kept cold (near-repeats). */
  long mergedRounds;
  long ingestSessions;
  long haystacks;
  long langchain4jIndexNanos;
  long langchain4jIndexItems;
  final List<Double> recallWithEmbeddingMillis = new ArrayList<>();
  final List<Double> recallWithoutEmbeddingMillis = new ArrayList<>();
  /** The question of each recall sample, in step with the two lists above. */
  final List<String> recallQuestions = new ArrayList<>();
  final Map<String, List<Double>> packMillis = new LinkedHashMap<>();
  final List<Double> diskBytesPerItem = new ArrayList<>();

  void pack(String system, double millis) {
    packMillis.computeIfAbsent(system, s -> new ArrayList<>()).add(millis);
  }

  static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
