package dev.engram.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.Engram;
import dev.engram.embed.EmbedderInfo;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.Message;
import dev.engram.openai.testing.FakeOpenAiServer;
import dev.engram.store.InMemoryMemoryStore;
import dev.engram.store.MemoryStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A memory whose vectors come from a remote /v1/embeddings endpoint records that model. */
class RemoteEmbedderMemoryTest {
  private final FakeOpenAiServer server = FakeOpenAiServer.start().embeddingDimension(48);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void remembers_and_recalls_with_remote_vectors_and_the_store_keeps_the_model() {
    OpenAiEmbedder embedder = new OpenAiEmbedder(OpenAiConfig.builder(server.baseUrl())
        .embeddingModel("nomic-embed-text").build(), 0, 16, new RecordingSleeper());
    MemoryStore store = new InMemoryMemoryStore(embedder.info());

    try (Engram engram = Engram.builder().store(store).embedder(embedder).build()) {
      engram.remember("ann", "s1", List.of(Message.user("My dog is a beagle called Biscuit.")));
      engram.remember("ann", "s2", List.of(Message.user("I moved to Lisbon last spring.")));

      assertThat(engram.embedderInfo()).isEqualTo(new EmbedderInfo("openai:nomic-embed-text", 48));
      assertThat(engram.recall("ann", "beagle Biscuit").memoryItems().get(0).text()).contains("Biscuit");
    }
    assertThat(store.info().embedder().modelId()).isEqualTo("openai:nomic-embed-text");
    assertThat(server.embeddingInputs()).anySatisfy(batch -> assertThat(batch).anyMatch(t -> t.contains("Biscuit")));

    assertThatThrownBy(() -> Engram.builder().store(store).embedder(new HashingEmbedder(48)).build())
        .hasMessageContaining("embedder mismatch").hasMessageContaining("openai:nomic-embed-text");
  }
}
