package dev.engram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.bench.systems.SystemNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both dataset commands end to end on tiny files, with the hashing embedder and all systems. */
class BenchCommandTest {
  @TempDir
  Path dir;

  @Test
  void longMemEvalRunsEndToEndAndWritesEveryReportFile() throws IOException {
    Path data = TinyDatasets.longMemEval(dir.resolve("lme_tiny.json.gz"));
    Path out = dir.resolve("out-lme");
    Result run = run("longmemeval", data, out, "--limit", "100");
    assertThat(run.code).as(run.err).isZero();
    assertReportFiles(out);
    JsonNode report = TinyDatasets.JSON.readTree(out.resolve("report.json").toFile());
    assertSchema(report, "longmemeval");
    assertThat(report.at("/data/questionsAsked").asInt()).isEqualTo(3);
    assertThat(report.at("/data/abstentionTargets").asInt()).isEqualTo(1);
    assertThat(engramValue(out, TinyDatasets.EASY_LONGMEMEVAL, "turn.recall_all@5")).isEqualTo(1.0);
    assertThat(engramValue(out, TinyDatasets.EASY_LONGMEMEVAL, "session.recall_all@5")).isEqualTo(1.0);
    assertThat(run.out).contains("| engram |");
  }

  @Test
  void locomoRunsEndToEndAndWritesEveryReportFile() throws IOException {
    Path data = TinyDatasets.locomo(dir.resolve("locomo_tiny.json"));
    Path out = dir.resolve("out-locomo");
    Result run = run("locomo", data, out);
    assertThat(run.code).as(run.err).isZero();
    assertReportFiles(out);
    JsonNode report = TinyDatasets.JSON.readTree(out.resolve("report.json").toFile());
    assertSchema(report, "locomo");
    assertThat(report.at("/data/haystacks").asInt()).isEqualTo(1);
    assertThat(report.at("/config/latencyWarmup").asInt()).isEqualTo(3);
    assertThat(Files.readString(out.resolve("report.md"))).contains("after up to 3 warm-up pairs")
        .contains("Slowest recalls with the query embedding");
    JsonNode slowest = report.at("/speed/recallMillis/slowest");
    int samples = report.at("/speed/recallMillis/withQueryEmbedding/n").asInt();
    assertThat(slowest.size()).isEqualTo(Math.min(10, samples)).isPositive();
    for (int i = 1; i < slowest.size(); i++) {
      assertThat(slowest.get(i).get("withQueryEmbedding").asDouble())
          .isLessThanOrEqualTo(slowest.get(i - 1).get("withQueryEmbedding").asDouble());
    }
    assertThat(slowest.get(0).get("sample").asInt()).isBetween(0, samples - 1);
    assertThat(slowest.get(0).get("question").asText()).startsWith("conv-");
    assertThat(report.at("/data/questionsByCategory").has("5 adversarial")).isTrue();
    assertThat(report.at("/systems/engram/byCategory").has("4 single-hop")).isTrue();
    assertThat(engramValue(out, TinyDatasets.EASY_LOCOMO, "turn.recall_all@5")).isEqualTo(1.0);
  }

  @Test
  void aFileOfTheWrongFormatIsReportedWithFileRecordAndField() throws IOException {
    Path data = TinyDatasets.locomo(dir.resolve("locomo_tiny.json"));
    Path out = dir.resolve("out-wrong");
    Result run = run("longmemeval", data, out);
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err).contains("locomo_tiny.json").contains("question_id");
    assertThat(out.resolve("report.json")).doesNotExist();
  }

  @Test
  void aMissingFieldIsReportedWithTheQuestionAndField() throws IOException {
    Path good = TinyDatasets.longMemEval(dir.resolve("lme.json.gz"));
    JsonNode items = TinyDatasets.JSON.readTree(new java.util.zip.GZIPInputStream(Files.newInputStream(good)));
    ((com.fasterxml.jackson.databind.node.ObjectNode) items.get(1)).remove("question");
    Path bad = dir.resolve("lme_bad.json");
    TinyDatasets.JSON.writeValue(bad.toFile(), items);
    Result run = run("longmemeval", bad, dir.resolve("out-bad"));
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err).contains("lme_bad.json").contains("q-city").contains("'question'");
  }

  private static void assertReportFiles(Path out) {
    for (String name : List.of("report.json", "report.md", "questions.jsonl", "recall-at-k.png",
        "in-context.png", "latency.png")) {
      assertThat(out.resolve(name)).as(name).isRegularFile();
    }
    assertThat(out.resolve("PARTIAL")).doesNotExist();
  }

  private static void assertSchema(JsonNode report, String dataset) {
    assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(report.get("dataset").asText()).isEqualTo(dataset);
    for (String field : List.of("dataFile", "command", "machine", "startedAt", "wallSeconds",
        "config", "data", "systems", "paired", "speed")) {
      assertThat(report.has(field)).as(field).isTrue();
    }
    assertThat(report.at("/machine/cores").asInt()).isPositive();
    List<String> systems = new ArrayList<>();
    report.get("systems").fieldNames().forEachRemaining(systems::add);
    assertThat(systems).containsExactlyElementsOf(SystemNames.ALL);
    JsonNode figure = report.at("/systems/engram/overall/turn.recall_all@10");
    assertThat(figure.has("value") && figure.has("n") && figure.has("lo") && figure.has("hi"))
        .isTrue();
    assertThat(report.at("/systems/bm25/overall/context.all@3500/n").asInt()).isPositive();
    assertThat(report.get("paired")).isNotEmpty();
    assertThat(report.at("/paired/0/pValue").isNumber()).isTrue();
    assertThat(report.at("/speed/recallMillis/withQueryEmbedding/p50").isNumber()).isTrue();
    assertThat(report.at("/speed/probe/rawRoundsPerSecond").isNumber()).isTrue();
    // the probe reports the median of its three ingest/raw ratios, and all three
    List<Double> ratios = new java.util.ArrayList<>();
    report.at("/speed/probe/ratios").forEach(r -> ratios.add(r.asDouble()));
    assertThat(ratios).hasSize(3).allMatch(r -> r > 0);
    assertThat(report.at("/speed/probe/ratio").asDouble())
        .isEqualTo(ratios.stream().sorted().toList().get(1));
    assertThat(report.at("/speed/embeddingCache/misses").asLong()).isPositive();
  }

  private static double engramValue(Path out, String caseId, String metric) throws IOException {
    for (String line : Files.readAllLines(out.resolve("questions.jsonl"))) {
      JsonNode node = TinyDatasets.JSON.readTree(line);
      if (node.get("id").asText().equals(caseId) && node.get("system").asText().equals("engram")) {
        return node.at("/values/" + metric).asDouble(-1);
      }
    }
    throw new AssertionError("no engram line for " + caseId);
  }

  private Result run(String dataset, Path data, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of(dataset, "--data", data.toString(), "--out",
        out.toString(), "--embedder", "hashing", "--embed-cache", dir.resolve("cache").toString(),
        "--quiet", "--probe-rounds", "8", "--latency-runs", "2",
        "--latency-warmup", "3"));
    args.addAll(List.of(extra));
    StringWriter out1 = new StringWriter();
    StringWriter err = new StringWriter();
    int code = BenchCommand.execute(args.toArray(String[]::new), new PrintWriter(out1, true),
        new PrintWriter(err, true));
    return new Result(code, out1.toString(), err.toString());
  }

  private record Result(int code, String out, String err) {}
}
