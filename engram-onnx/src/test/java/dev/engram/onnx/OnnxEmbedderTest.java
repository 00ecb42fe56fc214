package dev.engram.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.engram.embed.Embedder;
import dev.engram.embed.Vectors;
import dev.engram.spi.EmbedderFactory;
import dev.engram.spi.Providers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxEmbedderTest {
  private static OnnxEmbedder embedder;

  @BeforeAll
  static void loadModel() {
    embedder = OnnxEmbedder.bgeSmallEnV15q();
  }

  @AfterAll
  static void closeModel() {
    embedder.close();
  }

  @Test
  void vectorsHave384DimensionsAndUnitNorm() {
    float[] vector = embedder.embedQuery("The cat sat on the mat.");

    assertThat(embedder.info().modelId()).isEqualTo("bge-small-en-v1.5-q");
    assertThat(embedder.info().dimension()).isEqualTo(384);
    assertThat(vector).hasSize(384);
    assertThat(Vectors.dot(vector, vector)).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void sameInputGivesSameVector() {
    String text = "Deterministic output matters for reproducible benchmarks.";

    assertThat(embedder.embedQuery(text)).containsExactly(embedder.embedQuery(text));
  }

  @Test
  void paraphraseIsCloserThanUnrelatedSentence() {
    float[][] vectors = embedder.embed(List.of(
        "I adopted a puppy last week", "We got a new dog recently", "The stock market fell today"));

    double paraphrase = Vectors.dot(vectors[0], vectors[1]);
    double unrelated = Vectors.dot(vectors[0], vectors[2]);
    assertThat(paraphrase).isGreaterThan(unrelated + 0.1);
  }

  @Test
  void batchedVectorsMatchOneAtATimeInOriginalOrder() {
    // More texts than one batch of 32, lengths mixed so sorting reorders them across batches.
    List<String> texts = mixedLengthTexts(75);
    // The int8 model quantizes activations with one scale per batch tensor, so a text's vector
    // shifts a little with its batch mates (padding alone does not change it). Measured worst
    // here: 0.985, for the shortest text; hence 0.98 rather than the 0.99 seen on sentences.
    double tolerance = 0.98;

    float[][] batched = embedder.embed(texts);

    assertThat(batched).hasNumberOfRows(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      float[] single = embedder.embedQuery(texts.get(i));
      assertThat(Vectors.dot(batched[i], single)).as("text %d", i)
          .isGreaterThanOrEqualTo(tolerance);
      assertThat(nearest(single, batched)).as("nearest batched vector of text %d", i).isEqualTo(i);
    }
  }

  @Test
  void emptyListGivesEmptyArray() {
    assertThat(embedder.embed(List.of())).isEmpty();
  }

  @Test
  void textPast512TokensIsTruncatedNotRejected() {
    String words = "memory engines keep what users said and find it again later ".repeat(100);

    float[][] vectors = embedder.embed(List.of(words, words + "but this tail is never read"));

    assertThat(Vectors.dot(vectors[0], vectors[0])).isCloseTo(1.0, within(1e-5));
    assertThat(Vectors.dot(vectors[0], vectors[1])).isGreaterThan(0.9999);
  }

  @Test
  void nullTextIsRejectedWithItsIndex() {
    assertThatThrownBy(() -> embedder.embed(Arrays.asList("fine", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("texts[1] must not be null");
  }

  @Test
  void builderRejectsOutOfRangeSettings() {
    assertThatThrownBy(() -> OnnxEmbedder.builder().batchSize(0))
        .hasMessage("batchSize must be in [1, 1024], was 0");
    assertThatThrownBy(() -> OnnxEmbedder.builder().threads(0))
        .hasMessage("threads must be in [1, 64], was 0");
    assertThatThrownBy(() -> OnnxEmbedder.builder().maxBatchTokens(100))
        .hasMessage("maxBatchTokens must be in [512, 1048576], was 100");
  }

  @Test
  void factoryIsFoundByModelIdAndItsEmbedderRefusesUseAfterClose() {
    EmbedderFactory factory = Providers.embedder("bge-small-en-v1.5-q");
    assertThat(factory).isInstanceOf(OnnxEmbedderFactory.class);

    Embedder created = factory.create();
    assertThat(created.info()).isEqualTo(embedder.info());
    created.close();
    created.close();

    assertThatThrownBy(() -> created.embed(List.of("late")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("OnnxEmbedder is closed");
  }

  /** Texts of 1 to ~60 words in no length order, each about a different numbered topic. */
  private static List<String> mixedLengthTexts(int count) {
    String[] topics = {"gardening", "tax returns", "a trip to Lisbon", "chess openings",
        "baking bread", "a broken laptop", "marathon training", "jazz records", "moving house"};
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int repeats = (i * 7) % 12;
      texts.add("Note " + i + " about " + topics[i % topics.length]
          + " and more details on it".repeat(repeats));
    }
    return texts;
  }

  private static int nearest(float[] query, float[][] candidates) {
    int best = 0;
    for (int i = 1; i < candidates.length; i++) {
      if (Vectors.dot(query, candidates[i]) > Vectors.dot(query, candidates[best])) {
        best = i;
      }
    }
    return best;
  }
}
