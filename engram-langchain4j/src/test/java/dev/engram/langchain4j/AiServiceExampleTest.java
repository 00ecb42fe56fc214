package dev.engram.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.model.ItemKind;
import dev.engram.model.SubjectRef;
import dev.engram.openai.testing.ChatCall;
import dev.engram.openai.testing.FakeOpenAiServer;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's LangChain4j example, end to end: a LangChain4j AI service with the real bundled
 * ONNX embedder and the real Lucene store on disk, talking to a local OpenAI-protocol server. A
 * fact told in one conversation is recalled into the prompt of a later one.
 */
class AiServiceExampleTest {
  @TempDir Path dir;

  /** Answers from what reached the prompt, as a model would. */
  private static String reply(ChatCall call) {
    String prompt = call.lastUserMessage();
    if (prompt.startsWith("What is my dog called?")) {
      return prompt.contains("Biscuit") ? "Your dog is called Biscuit." : "I don't know.";
    }
    return "Congratulations on the new dog!";
  }

  // README-BEGIN langchain4j-service
  interface Assistant {
    String chat(String message);
  }
  // README-END langchain4j-service

  @Test
  void a_fact_told_in_one_conversation_is_recalled_in_a_later_one() {
    Path dataDir = dir.resolve("engram-data");
    Path windowDir = dir.resolve("chat-windows");
    try (FakeOpenAiServer server =
        FakeOpenAiServer.start().replyWith(AiServiceExampleTest::reply)) {
      String baseUrl = server.baseUrl();
      String answer;
      // README-BEGIN langchain4j
      ChatModel model = OpenAiChatModel.builder()
          .baseUrl(baseUrl).apiKey("sk-test").modelName("fake-chat").build();
      try (Engram engram = Engram.open(dataDir)) {
        EngramMemory memory = EngramMemory.builder()
            .engram(engram).memoryId("alice").windowDir(windowDir).build();
        Assistant assistant = memory.configure(AiServices.builder(Assistant.class))
            .chatModel(model).build();

        assistant.chat("We adopted a beagle called Biscuit from the shelter.");
        memory.chatMemory().clear();   // the conversation ends; what was said stays in Engram
        answer = assistant.chat("What is my dog called?");   // recalls Biscuit into the prompt
      }
      // README-END langchain4j

      assertThat(answer).isEqualTo("Your dog is called Biscuit.");
      List<ChatCall> calls = server.chatCalls();
      assertThat(calls).hasSize(2);
      ChatCall later = calls.get(1);
      assertThat(later.messages()).hasSize(1);   // a fresh window: Biscuit came from recall
      assertThat(later.lastUserMessage()).startsWith("What is my dog called?")
          .contains("user: We adopted a beagle called Biscuit from the shelter.");

      try (Engram reopened = Engram.open(dataDir)) {
        EngramMemory memory = EngramMemory.builder()
            .engram(reopened).memoryId("alice").windowDir(windowDir).build();
        Assistant assistant = memory.configure(AiServices.builder(Assistant.class))
            .chatModel(model).build();

        assertThat(assistant.chat("What is my dog called?"))
            .isEqualTo("Your dog is called Biscuit.");
        assertThat(reopened.embedderInfo().modelId()).isEqualTo("bge-small-en-v1.5-q");
        // two rounds: the third exchange repeats the second word for word in the same day's
        // session, and Engram skips exact duplicates within a session
        assertThat(reopened.store().timeline(SubjectRef.of("alice"), 0, 100))
            .filteredOn(item -> item.kind() == ItemKind.EPISODE).hasSize(2);
      }
    }
  }

  @Test
  void integrations_page_shows_the_examples_verbatim() throws IOException {
    String source =
        Files.readString(Path.of("src/test/java/dev/engram/langchain4j/AiServiceExampleTest.java"));
    String page = normalise(Files.readString(Path.of("../docs/integrations.md")));
    String readme = normalise(Files.readString(Path.of("../README.md")));
    for (String region : List.of("langchain4j-service", "langchain4j")) {
      String begin = "// README-BEGIN " + region + "\n";
      int from = source.indexOf(begin) + begin.length();
      String snippet = source.substring(from, source.indexOf("// README-END " + region, from));
      assertThat(page).as("docs/integrations.md shows region " + region)
          .contains(normalise(snippet));
      assertThat(readme).as("README.md shows region " + region).contains(normalise(snippet));
    }
  }

  private static String normalise(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
