package dev.engram.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.embed.HashingEmbedder;
import dev.engram.openai.testing.ChatCall;
import dev.engram.openai.testing.FakeOpenAiServer;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One AI service for many users: a {@code ChatMemoryProvider} over one store and one retriever
 * that takes each query's memory id; what one user said never reaches another's prompt.
 */
class MultiUserAiServiceTest {
  @TempDir Path dir;

  interface Assistant {
    String chat(@MemoryId String user, @UserMessage String message);
  }

  @Test
  void each_user_recalls_only_their_own_memory() {
    try (FakeOpenAiServer server = FakeOpenAiServer.start().replyWith(call -> "OK");
        Engram engram = Engram.builder().dataDir(dir.resolve("data"))
            .embedder(new HashingEmbedder(64)).build()) {
      EngramChatMemoryStore store = EngramChatMemoryStore.builder()
          .engram(engram).windowDir(dir.resolve("windows")).build();
      Assistant assistant = AiServices.builder(Assistant.class)
          .chatModel(OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-test")
              .modelName("fake-chat").build())
          .chatMemoryProvider(id -> MessageWindowChatMemory.builder()
              .id(id).maxMessages(2).chatMemoryStore(store).build())
          .retrievalAugmentor(DefaultRetrievalAugmentor.builder()
              .contentRetriever(EngramContentRetriever.builder().engram(engram).build()).build())
          .storeRetrievedContentInChatMemory(false)
          .build();

      assistant.chat("alice", "My locker code is 4512.");
      assistant.chat("alice", "I also like green tea.");
      assistant.chat("bob", "What is my locker code?");
      assistant.chat("alice", "What is my locker code?");

      ChatCall bob = server.chatCalls().get(2);
      ChatCall alice = server.chatCalls().get(3);
      assertThat(bob.systemAndUserText()).doesNotContain("4512");
      assertThat(alice.messages()).extracting(m -> m.content())
          .noneMatch(text -> text.equals("My locker code is 4512."));   // evicted from the window
      assertThat(alice.lastUserMessage()).contains("user: My locker code is 4512.");
      assertThat(engram.subjects()).containsExactly("alice", "bob");
      assertThat(store.getMessages("alice")).hasSize(2);
    }
  }
}
