package dev.engram.bench;

import java.util.List;

/**
 * The metric names of a run: the keys of {@link CaseResult#values()} and of {@code report.json}.
 * They are part of the report's stable schema.
 *
 * <ul>
 *   <li>{@code turn.recall_all@k}, {@code turn.recall_any@k}, {@code turn.precision@k},
 *       {@code turn.ndcg@k}, {@code turn.mrr}: over ranked rounds, against the evidence turns;
 *   <li>{@code session.*}: the same over the ranked sessions (each session counted once, at the
 *       rank of its best round), against the evidence sessions;
 *   <li>{@code context.all@B}: 1 when every evidence turn is whole inside the context packed
 *       under B tokens; {@code context.fraction@B}: the share of evidence turns inside;
 *       {@code context.tokens@B}: tokens packed (every question);
 *   <li>{@code answer.f1}, {@code answer.em}: the reader's answer at the reader budget;
 *   <li>{@code abstention.precision}, {@code abstention.recall}: derived over questions, see
 *       {@link Aggregation}.
 * </ul>
 */
final class Metrics {
  static final String ANSWER_F1 = "answer.f1";
  static final String ANSWER_EM = "answer.em";
  /** The LLM judge said the answer is correct (only with {@code --judge llm}). */
  static final String ANSWER_JUDGE = "answer.judge";
  /** The LLM judge said neither yes nor no, or its endpoint failed. */
  static final String JUDGE_UNCLEAR = "judge.unclear";
  /** The LLM reader fell back to the extractive reader (only with {@code --reader llm}). */
  static final String READER_FALLBACK = "reader.fallback";
  static final String ABSTAIN_PRECISION = "abstention.precision";
  static final String ABSTAIN_RECALL = "abstention.recall";

  private static final List<String> BINARY_PREFIXES = List.of(
      "turn.recall_all@", "turn.recall_any@", "session.recall_all@", "session.recall_any@",
      "context.all@", ANSWER_EM, ANSWER_JUDGE, JUDGE_UNCLEAR, READER_FALLBACK);

  private Metrics() {}

  static String at(String level, String metric, int k) {
    return level + "." + metric + "@" + k;
  }

  static String mrr(String level) {
    return level + ".mrr";
  }

  static String contextAll(int budget) {
    return "context.all@" + budget;
  }

  static String contextFraction(int budget) {
    return "context.fraction@" + budget;
  }

  static String contextTokens(int budget) {
    return "context.tokens@" + budget;
  }

  /** Whether per-question values of {@code metric} are 0/1 (then intervals are Wilson's). */
  /** Records a judge's verdict: correct (0/1) when it gave one, and whether it was unclear. */
  static void judged(dev.engram.bench.llm.LlmJudge.Verdict verdict, java.util.Map<String, Double> values) {
    boolean unclear = verdict == dev.engram.bench.llm.LlmJudge.Verdict.UNCLEAR;
    values.put(JUDGE_UNCLEAR, unclear ? 1.0 : 0.0);
    if (!unclear) {
      values.put(ANSWER_JUDGE, verdict == dev.engram.bench.llm.LlmJudge.Verdict.CORRECT ? 1.0 : 0.0);
    }
  }

  static boolean binary(String metric) {
    return BINARY_PREFIXES.stream().anyMatch(metric::startsWith);
  }
}
