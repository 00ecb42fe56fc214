package dev.engram.spring.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.openai.testing.ChatCall;
import dev.engram.openai.testing.FakeOpenAiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The README's Spring AI example, end to end: a Spring Boot application with the Engram starter
 * and Spring AI's OpenAI starter, the real bundled ONNX embedder and the real Lucene store on
 * disk, talking to a local OpenAI-protocol server. A fact told in one conversation is recalled
 * into the prompt of a later one, in a later run of the application.
 */
class ChatClientExampleTest {
  @TempDir Path dir;

  /** Answers from what reached the prompt, as a model would. */
  private static String reply(ChatCall call) {
    if (call.lastUserMessage().equals("What is my dog called?")) {
      return call.systemAndUserText().contains("Biscuit")
          ? "Your dog is called Biscuit." : "I don't know.";
    }
    return "Congratulations on the new dog!";
  }

  // README-BEGIN spring-ai-app
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class ChatApp {
    @Bean
    ChatClient chatClient(ChatClient.Builder builder) {   // the starter put Engram's advisor on it
      return builder.build();
    }
  }

  static ConfigurableApplicationContext run(String baseUrl, Path dataDir) {
    return new SpringApplicationBuilder(ChatApp.class).run(
        "--spring.main.web-application-type=none", "--spring.main.banner-mode=off",
        "--spring.ai.openai.base-url=" + baseUrl, "--spring.ai.openai.api-key=sk-test",
        "--spring.ai.openai.chat.options.model=fake-chat",
        "--engram.data-dir=" + dataDir);
  }
  // README-END spring-ai-app

  @Test
  void a_fact_told_in_one_conversation_is_recalled_in_a_later_one() {
    Path dataDir = dir.resolve("engram-data");
    try (FakeOpenAiServer server =
        FakeOpenAiServer.start().replyWith(ChatClientExampleTest::reply)) {
      String baseUrl = server.baseUrl().replaceFirst("/v1$", "");   // Spring AI adds /v1/...
      String answer;
      // README-BEGIN spring-ai
      try (ConfigurableApplicationContext app = run(baseUrl, dataDir)) {
        ChatClient chat = app.getBean(ChatClient.class);
        chat.prompt().user("We adopted a beagle called Biscuit from the shelter.")
            .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "alice"))
            .call().content();
      }
      try (ConfigurableApplicationContext app = run(baseUrl, dataDir)) {   // a later run
        ChatClient chat = app.getBean(ChatClient.class);
        answer = chat.prompt().user("What is my dog called?")
            .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "alice"))
            .call().content();   // Engram recalled Biscuit into the system message
      }
      // README-END spring-ai

      assertThat(answer).isEqualTo("Your dog is called Biscuit.");
      List<ChatCall> calls = server.chatCalls();
      assertThat(calls).hasSize(2);
      ChatCall later = calls.get(1);
      assertThat(later.messages()).extracting(m -> m.role()).containsExactly("system", "user");
      assertThat(later.messages().get(0).content())
          .contains("user: We adopted a beagle called Biscuit from the shelter.");
      assertThat(later.authorization()).isEqualTo("Bearer sk-test");
    }
  }

  @Test
  void streamed_answers_are_remembered_and_recalled_too() {
    Path dataDir = dir.resolve("engram-data");
    try (FakeOpenAiServer server = FakeOpenAiServer.start().replyWith(ChatClientExampleTest::reply);
        ConfigurableApplicationContext app =
            run(server.baseUrl().replaceFirst("/v1$", ""), dataDir)) {
      ChatClient chat = app.getBean(ChatClient.class);

      String first = String.join("", chat.prompt()
          .user("We adopted a beagle called Biscuit from the shelter.")
          .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "alice"))
          .stream().content().collectList().block());
      String second = String.join("", chat.prompt().user("What is my dog called?")
          .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "alice"))
          .stream().content().collectList().block());

      assertThat(first).isEqualTo("Congratulations on the new dog!");
      assertThat(second).isEqualTo("Your dog is called Biscuit.");
      assertThat(server.chatCalls()).allMatch(ChatCall::stream);
      assertThat(app.getBean(Engram.class).recall("alice", "dog").text())
          .contains("assistant: Congratulations on the new dog!");
    }
  }

  @Test
  void integrations_page_shows_the_examples_verbatim() throws IOException {
    String source =
        Files.readString(Path.of("src/test/java/dev/engram/spring/ai/ChatClientExampleTest.java"));
    String page = normalise(Files.readString(Path.of("../docs/integrations.md")));
    for (String region : List.of("spring-ai-app", "spring-ai")) {
      String begin = "// README-BEGIN " + region + "\n";
      int from = source.indexOf(begin) + begin.length();
      String snippet = source.substring(from, source.indexOf("// README-END " + region, from));
      assertThat(page).as("docs/integrations.md shows region " + region)
          .contains(normalise(snippet));
    }
    String begin = "// README-BEGIN spring-ai\n"; // the README shows the calls, not the app class
    int from = source.indexOf(begin) + begin.length();
    assertThat(normalise(Files.readString(Path.of("../README.md")))).as("README.md shows the calls")
        .contains(normalise(source.substring(from, source.indexOf("// README-END spring-ai", from))));
  }

  private static String normalise(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
