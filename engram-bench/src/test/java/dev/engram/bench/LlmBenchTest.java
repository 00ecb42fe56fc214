package dev.engram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.bench.llm.LlmJudge;
import dev.engram.openai.testing.ChatCall;
import dev.engram.openai.testing.FakeOpenAiServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --reader llm --judge llm} end to end on the tiny LongMemEval file, against a real local
 * server speaking the OpenAI protocol whose scripted model quotes the evidence sentence it finds
 * and whose scripted judge says yes when the response contains the gold answer.
 */
class LlmBenchTest {
  @TempDir Path dir;
  private final FakeOpenAiServer server = FakeOpenAiServer.start().replyWith(LlmBenchTest::script);

  @AfterEach
  void stop() {
    server.close();
  }

  private static String script(ChatCall call) {
    String text = call.lastUserMessage();
    if (text.startsWith("I will give you a question")) {
      String gold = between(text, "Correct Answer: ", "\n\nModel Response: ");
      String response = between(text, "Model Response: ", "\n\nIs the model response correct?");
      return response.contains(gold) ? "Yes." : "no";
    }
    for (String evidence : List.of("his name is Biscuit.", "I just moved to Porto for my new job at the shipping company.")) {
      if (text.contains(evidence)) {
        String answer = evidence.contains("Biscuit") ? "Biscuit" : "Porto";
        return "{\"quotes\": [{\"item\": 1, \"text\": \"" + evidence + "\"}], \"answer\": \"" + answer + "\"}";
      }
    }
    return "{\"quotes\": [], \"answer\": \"NOT_IN_MEMORY\"}";
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
  }

  private Result run(Path out, String... extra) throws IOException {
    Path data = TinyDatasets.longMemEval(dir.resolve("lme_tiny.json.gz"));
    Path noConfig = Files.writeString(dir.resolve("empty.properties"), "");
    List<String> args = new ArrayList<>(List.of("longmemeval", "--data", data.toString(), "--out",
        out.toString(), "--embedder", "hashing", "--embed-cache", dir.resolve("cache").toString(),
        "--quiet", "--probe-rounds", "0", "--latency-runs", "0", "--systems", "engram,bm25",
        "--llm-config", noConfig.toString()));
    args.addAll(List.of(extra));
    StringWriter stdout = new StringWriter();
    StringWriter err = new StringWriter();
    int code = BenchCommand.execute(args.toArray(String[]::new), new PrintWriter(stdout, true),
        new PrintWriter(err, true));
    return new Result(code, stdout.toString(), err.toString());
  }

  private record Result(int code, String out, String err) {}

  @Test
  void llm_reader_and_judge_score_answers_and_the_report_prints_the_judge_prompt() throws IOException {
    Path out = dir.resolve("out");

    Result run = run(out, "--reader", "llm", "--judge", "llm", "--llm-url", server.baseUrl(),
        "--llm-model", "fake-chat");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode report = TinyDatasets.JSON.readTree(out.resolve("report.json").toFile());
    assertThat(report.at("/config/reader").asText()).isEqualTo(
        "LlmReader(fake-chat at " + server.baseUrl() + "; fallback ExtractiveReader)");
    assertThat(report.at("/config/judge").asText())
        .isEqualTo("LlmJudge(fake-chat at " + server.baseUrl() + ")\n" + LlmJudge.PROMPT);
    JsonNode engram = report.at("/systems/engram/overall");
    assertThat(engram.at("/answer.judge/value").asDouble()).isEqualTo(1.0);
    assertThat(engram.at("/answer.judge/n").asInt()).isEqualTo(2);
    assertThat(engram.at("/reader.fallback/value").asDouble()).isEqualTo(0.0);
    assertThat(engram.at("/judge.unclear/value").asDouble()).isEqualTo(0.0);
    String markdown = Files.readString(out.resolve("report.md"));
    assertThat(markdown).contains("LLM judge LlmJudge(fake-chat", "Is the model response correct? Answer yes or no only.",
        "| LLM judge |");
    assertThat(run.out()).contains("LLM judge");
    long judgeCalls = server.chatCalls().stream()
        .filter(c -> c.lastUserMessage().startsWith("I will give you a question")).count();
    assertThat(judgeCalls).isEqualTo(4); // two answerable questions, two systems
    String questions = Files.readString(out.resolve("questions.jsonl"));
    assertThat(questions).contains("\"answer\":\"Biscuit\"");
  }

  @Test
  void an_llm_judge_without_an_endpoint_is_a_clear_error() throws IOException {
    Result run = run(dir.resolve("out-none"), "--judge", "llm");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("--judge llm needs an OpenAI-compatible endpoint: --llm-url and --llm-model");
  }

  @Test
  void an_unknown_reader_kind_is_named() throws IOException {
    Result run = run(dir.resolve("out-bad"), "--reader", "gpt");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("--reader must be extractive or llm, was 'gpt'");
  }
}
