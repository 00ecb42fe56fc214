package dev.engram.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.Engram;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.SubjectRef;
import dev.engram.store.StoreException;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.query.Query;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-call wiring, and writes that fail half-way. */
class EngramMemoryTest {
  @TempDir Path dir;

  private Engram open(boolean readOnly) {
    return Engram.builder().dataDir(dir.resolve("data")).embedder(new HashingEmbedder(64))
        .readOnly(readOnly).build();
  }

  @Test
  void wires_window_and_retriever_for_one_memory_id() {
    try (Engram engram = open(false)) {
      EngramMemory memory = EngramMemory.builder().engram(engram).memoryId("alice")
          .windowDir(dir.resolve("windows")).maxMessages(4).budget(300).build();

      memory.chatMemory().add(UserMessage.from("My favourite colour is teal."));
      memory.chatMemory().add(AiMessage.from("Teal is calm."));

      assertThat(memory.chatMemory().id()).isEqualTo("alice");
      assertThat(memory.chatMemoryStore().getMessages("alice")).hasSize(2);
      assertThat(memory.contentRetriever().retrieve(
          Query.from("What is my favourite colour?")))
          .anySatisfy(c -> assertThat(c.textSegment().text())
              .isEqualTo("user: My favourite colour is teal.\nassistant: Teal is calm."));
    }
  }

  @Test
  void refuses_missing_blank_and_foreign_memory_ids() {
    try (Engram engram = open(false)) {
      EngramMemory.Builder builder = EngramMemory.builder().engram(engram).windowDir(dir);

      assertThatThrownBy(() -> builder.memoryId(null).build())
          .isInstanceOf(IllegalArgumentException.class).hasMessage("memoryId must not be null");
      assertThatThrownBy(() -> builder.memoryId("").build())
          .isInstanceOf(IllegalArgumentException.class).hasMessage("memoryId must not be blank");
      assertThatThrownBy(() -> builder.memoryId(new SubjectRef("acme", "alice")).build())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant 'acme'");
      assertThatThrownBy(() -> EngramMemory.builder().memoryId("alice").windowDir(dir).build())
          .isInstanceOf(IllegalArgumentException.class).hasMessage("engram must not be null");
    }
  }

  @Test
  void a_round_that_engram_cannot_store_leaves_no_window_behind() {
    open(false).close();
    try (Engram readOnly = open(true)) {
      EngramChatMemoryStore store = EngramChatMemoryStore.builder().engram(readOnly)
          .windowDir(dir.resolve("windows")).build();

      assertThatThrownBy(() -> store.updateMessages("alice",
          List.of(UserMessage.from("I sail on Sundays."), AiMessage.from("Nice."))))
          .isInstanceOf(StoreException.class).hasMessageStartingWith("store opened read-only");

      assertThat(store.getMessages("alice")).isEmpty();
      assertThat(new WindowFile(dir.resolve("windows")).fileOf(SubjectRef.of("alice")))
          .doesNotExist();
    }
  }
}
