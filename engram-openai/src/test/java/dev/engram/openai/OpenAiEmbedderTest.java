package dev.engram.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.embed.EmbedderInfo;
import dev.engram.openai.testing.FakeEmbeddings;
import dev.engram.openai.testing.FakeOpenAiServer;
import dev.engram.openai.testing.Fault;
import dev.engram.spi.Providers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiEmbedderTest {
  private final FakeOpenAiServer server = FakeOpenAiServer.start();
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiEmbedder embedder(int dimension, int batchSize) {
    return new OpenAiEmbedder(OpenAiConfig.builder(server.baseUrl()).embeddingModel("fake-embed").build(),
        dimension, batchSize, sleeper);
  }

  @Test
  void embeds_in_batches_keeping_order() {
    List<String> texts = List.of("red apples", "blue sky", "green grass", "red sky", "apples");

    float[][] vectors = embedder(64, 2).embed(texts);

    assertThat(server.embeddingInputs()).containsExactly(
        List.of("red apples", "blue sky"), List.of("green grass", "red sky"), List.of("apples"));
    for (int i = 0; i < texts.size(); i++) {
      assertThat(vectors[i]).containsExactly(FakeEmbeddings.vector(texts.get(i), 64));
    }
  }

  @Test
  void learns_the_dimension_from_one_probe_and_names_the_remote_model() {
    server.embeddingDimension(24);
    OpenAiEmbedder embedder = embedder(0, 8);

    EmbedderInfo info = embedder.info();
    embedder.info();

    assertThat(info).isEqualTo(new EmbedderInfo("openai:fake-embed", 24));
    assertThat(server.embeddingInputs()).hasSize(1);
  }

  @Test
  void a_configured_dimension_needs_no_probe() {
    assertThat(embedder(64, 8).info()).isEqualTo(new EmbedderInfo("openai:fake-embed", 64));
    assertThat(server.embeddingInputs()).isEmpty();
  }

  @Test
  void normalises_vectors_and_embeds_queries() {
    float[] query = embedder(64, 8).embedQuery("where is the red apple");

    double norm = 0;
    for (float value : query) {
      norm += value * value;
    }
    assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void refuses_vectors_of_another_dimension() {
    server.embeddingDimension(32);

    assertThatThrownBy(() -> embedder(64, 8).embed(List.of("x")))
        .isInstanceOf(OpenAiException.class)
        .hasMessage("embedding dimension mismatch: expected 64 (openai:fake-embed), endpoint returned 32");
  }

  @Test
  void retries_a_429_on_embeddings() {
    server.enqueueEmbeddings(Fault.status(429));

    float[][] vectors = embedder(64, 8).embed(List.of("red apples"));

    assertThat(vectors[0]).containsExactly(FakeEmbeddings.vector("red apples", 64));
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void malformed_embeddings_reply_fails_clearly_after_retries() {
    server.enqueueEmbeddings(Fault.malformedJson()).enqueueEmbeddings(Fault.malformedJson())
        .enqueueEmbeddings(Fault.malformedJson());

    assertThatThrownBy(() -> embedder(64, 8).embed(List.of("x")))
        .isInstanceOf(OpenAiException.class)
        .hasMessageContaining("answered HTTP 200 with a body that is not 1 embeddings");
  }

  @Test
  void empty_input_makes_no_request() {
    assertThat(embedder(64, 8).embed(List.of())).isEmpty();
    assertThat(server.embeddingInputs()).isEmpty();
  }

  @Test
  void needs_an_embedding_model() {
    assertThatThrownBy(() -> new OpenAiEmbedder(OpenAiConfig.builder(server.baseUrl()).build()))
        .hasMessageContaining("no embedding model configured");
  }

  @Test
  void is_registered_as_embedder_kind_openai() {
    assertThat(Providers.embedder("openai")).isInstanceOf(OpenAiEmbedderFactory.class);
  }
}
