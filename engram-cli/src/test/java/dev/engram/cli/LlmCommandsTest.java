package dev.engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.openai.testing.ChatCall;
import dev.engram.openai.testing.FakeOpenAiServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engram ask} and {@code engram chat} end to end: the real command line, a real store on
 * disk with the bundled model, and a real local server speaking the OpenAI protocol.
 */
class LlmCommandsTest {
  private static final String QUESTION = "What is my dog called?";
  private static final String QUOTED = """
      {"quotes": [{"item": 1, "text": "My dog is a beagle called Biscuit."}], "answer": "Biscuit, a beagle."}""";

  @TempDir Path dir;
  private final FakeOpenAiServer server = FakeOpenAiServer.start();
  private InputStream stdin;
  private Path noConfig;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void isolate() throws IOException {
    stdin = System.in;
    noConfig = Files.writeString(dir.resolve("empty.properties"), ""); // ignore any ~/.engram config
  }

  @AfterEach
  void restore() {
    System.setIn(stdin);
    server.close();
  }

  private Run run(String input, String... args) {
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, "--data-dir=" + dir.resolve("store"));
    all.add(2, "--llm-config=" + noConfig);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = EngramCli.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private String[] withModel(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--llm-url", server.baseUrl(), "--llm-model", "fake-chat", "--llm-retries", "0"));
    return all.toArray(String[]::new);
  }

  private void rememberTheDog() {
    Run seed = run("My dog is a beagle called Biscuit.\n", "chat", "-s", "ann", "--session", "s1");
    assertThat(seed.code()).as(seed.err()).isZero();
  }

  @Test
  void chat_offline_remembers_answers_from_memory_and_shows_sources() {
    Run chat = run("""
        My dog is a beagle called Biscuit.
        What is my dog called?
        /sources
        /quit
        never read
        """, "chat", "-s", "ann", "--session", "first-chat");

    assertThat(chat.code()).as(chat.err()).isZero();
    assertThat(chat.out())
        .contains("engram chat · subject ann · session first-chat · offline (extractive reader)")
        .contains("engram> Noted.")
        .contains("engram> My dog is a beagle called Biscuit.")
        .contains("· session first-chat")
        .contains("Remembered 2 message(s) in session first-chat.")
        .doesNotContain("never read");
    assertThat(server.chatCalls()).isEmpty();
  }

  @Test
  void ask_with_an_endpoint_answers_with_checked_quotes() {
    rememberTheDog();
    server.replyWith(call -> QUOTED);

    Run ask = run("", withModel("ask", "-s", "ann", QUESTION));

    assertThat(ask.code()).as(ask.err()).isZero();
    assertThat(ask.out()).startsWith("Answer: Biscuit, a beagle.\n(llm reader, confidence 1.00")
        .contains("· session s1", "\"My dog is a beagle called Biscuit.\"");
    assertThat(server.chatCalls()).singleElement()
        .satisfies(call -> assertThat(call.lastUserMessage()).contains("My dog is a beagle called Biscuit.", QUESTION));
  }

  @Test
  void ask_falls_back_to_the_extractive_reader_on_invented_quotes_and_says_so() throws IOException {
    rememberTheDog();
    server.replyWith(call -> QUOTED.replace("beagle called Biscuit", "poodle called Max"));

    Run ask = run("", withModel("ask", "-s", "ann", "--json", QUESTION));

    assertThat(ask.code()).as(ask.err()).isZero();
    JsonNode answer = Json.MAPPER.readTree(ask.out());
    assertThat(answer.get("reader").asText()).isEqualTo("extractive-fallback");
    assertThat(answer.get("answer").asText()).contains("Biscuit");
    assertThat(answer.get("readerNote").asText()).contains("quotes not found", "poodle called Max");
    assertThat(server.chatCalls()).hasSize(2);
  }

  @Test
  void ask_with_a_wrong_key_falls_back_naming_endpoint_and_status_never_the_key() {
    rememberTheDog();
    server.requireApiKey("sk-right");

    Run ask = run("", withModel("ask", "-s", "ann", "--llm-api-key", "sk-wrong-777", QUESTION));

    assertThat(ask.code()).as(ask.err()).isZero();
    assertThat(ask.out()).contains("Answer: My dog is a beagle called Biscuit.", "HTTP 401",
        server.baseUrl() + "/chat/completions", "(extractive-fallback reader").doesNotContain("sk-wrong-777");
  }

  @Test
  void ask_against_an_unreachable_endpoint_still_answers_offline() {
    rememberTheDog();
    String url = server.baseUrl();
    server.close();

    Run ask = run("", "ask", "-s", "ann", "--llm-url", url, "--llm-model", "m", "--llm-retries", "0", QUESTION);

    assertThat(ask.code()).as(ask.err()).isZero();
    assertThat(ask.out()).contains("Answer: My dog is a beagle called Biscuit.", "is unreachable");
  }

  @Test
  void ask_offline_uses_the_extractive_reader() {
    rememberTheDog();

    Run ask = run("", "ask", "-s", "ann", QUESTION);

    assertThat(ask.out()).contains("Answer: My dog is a beagle called Biscuit.", "(extractive reader");
  }

  @Test
  void chat_with_an_endpoint_streams_replies_and_remembers_them() {
    rememberTheDog();
    server.replyWith(call -> call.lastUserMessage().contains("dog") ? "Your dog is Biscuit [1]." : "Noted, thanks!");

    Run chat = run("I moved to Lisbon.\nWhat is my dog called?\n/sources\n",
        withModel("chat", "-s", "ann", "--session", "llm-chat"));

    assertThat(chat.code()).as(chat.err()).isZero();
    assertThat(chat.out())
        .contains("model fake-chat at " + server.baseUrl())
        .contains("engram> Noted, thanks!")
        .contains("engram> Your dog is Biscuit [1].")
        .contains("· session s1");
    assertThat(server.chatCalls()).filteredOn(ChatCall::stream).hasSize(2);
    // Each exchange was also handed to the model in the background (facts, session summary),
    // finished before chat closed the store, and audited under its own actor.
    assertThat(server.chatCalls()).filteredOn(call -> !call.stream()).isNotEmpty();
    assertThat(chat.out()).containsPattern("LLM enrichment: [1-9]\\d* job\\(s\\) done, 0 failed");
    StringWriter history = new StringWriter();
    assertThat(EngramCli.run(new String[] {"history", "--data-dir=" + dir.resolve("store"), "-s",
        "ann"}, new PrintWriter(history, true), new PrintWriter(new StringWriter(), true))).isZero();
    assertThat(history.toString()).contains("llm-enrichment");
    Run ask = run("", "ask", "-s", "ann", "Where did I move?");
    assertThat(ask.out()).contains("Lisbon");
  }

  @Test
  void a_model_without_a_name_is_a_clear_usage_error() {
    rememberTheDog();

    Run ask = run("", "ask", "-s", "ann", "--llm-url", server.baseUrl(), QUESTION);

    assertThat(ask.code()).isEqualTo(1);
    assertThat(ask.err()).contains("no chat model configured for " + server.baseUrl(), "--llm-model");
  }
}
