package dev.engram.bench;

import dev.engram.bench.report.JsonReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code questions.jsonl}: one JSON object per question and system, written as the run goes, for
 * looking at misses: {@code id, category, system, abstained, expectAbstain, answer,
 * evidenceRanks, values} (values keyed by metric name; precision and nDCG left out to keep the
 * file small, they are in the aggregates). One thread.
 */
final class QuestionLog implements AutoCloseable {
  private final BufferedWriter out;

  QuestionLog(BufferedWriter out) {
    this.out = out;
  }

  void write(CaseResult r) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", r.caseId());
    line.put("category", r.category());
    line.put("system", r.system());
    line.put("abstained", r.abstained());
    line.put("expectAbstain", r.expectAbstain());
    String answer = r.answer();
    line.put("answer", answer.length() > 300 ? answer.substring(0, 300) + "…" : answer);
    line.put("evidenceRanks", r.evidenceRanks());
    Map<String, Double> values = new TreeMap<>(Aggregation.METRIC_ORDER);
    r.values().forEach((metric, v) -> {
      if (!metric.contains("precision@") && !metric.contains("ndcg@")) {
        values.put(metric, v);
      }
    });
    line.put("values", values);
    try {
      out.write(JsonReport.line(line));
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write questions.jsonl", e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close questions.jsonl", e);
    }
  }
}
