package dev.engram.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.engram.embed.Embedder;
import dev.engram.embed.EmbedderInfo;
import dev.engram.embed.JointEmbedder;
import dev.engram.embed.Vectors;
import dev.engram.spi.Providers;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The second bundled model, e5-small, and the joint embedder that weighs it with bge. */
class BundledModelsTest {
  private static final List<String> TEXTS = List.of("I adopted a puppy last week",
      "We got a new dog recently", "The stock market fell today");
  private static Embedder joint;

  @BeforeAll
  static void loadModels() {
    joint = Providers.embedder(OnnxEmbedder.JOINT_MODEL_ID).create();
  }

  @AfterAll
  static void closeModels() {
    joint.close();
  }

  @Test
  void should_pool_e5_as_langchain4j_does_with_its_passage_prefix() {
    Embedder e5 = part(1);
    float[][] ours = e5.embed(TEXTS);
    E5SmallV2QuantizedEmbeddingModel theirs = new E5SmallV2QuantizedEmbeddingModel();

    assertThat(e5.info()).isEqualTo(new EmbedderInfo("e5-small-v2-q", 384));
    for (int i = 0; i < TEXTS.size(); i++) {
      float[] reference = theirs.embed("passage: " + TEXTS.get(i)).content().vector();
      assertThat(Vectors.dot(ours[i], ours[i])).isCloseTo(1.0, within(1e-5));
      assertThat(Vectors.dot(ours[i], reference)).as("text %d", i).isGreaterThan(0.99);
    }
  }

  @Test
  void should_embed_an_e5_query_with_its_query_prefix_and_find_the_paraphrase() {
    Embedder e5 = part(1);
    float[][] passages = e5.embed(TEXTS);
    float[] query = e5.embedQuery("What pet did I get?");
    float[] asPassage = e5.embed(List.of("What pet did I get?"))[0];

    assertThat(Vectors.dot(query, asPassage)).isLessThan(0.99);
    assertThat(Vectors.dot(query, passages[0])).isGreaterThan(Vectors.dot(query, passages[2]));
    assertThat(Vectors.dot(query, passages[1])).isGreaterThan(Vectors.dot(query, passages[2]));
  }

  @Test
  void should_weigh_e5_twice_in_the_joint_cosine() {
    float[][] joined = joint.embed(TEXTS);
    float[][] bge = part(0).embed(TEXTS);
    float[][] e5 = part(1).embed(TEXTS);

    assertThat(joint.info()).isEqualTo(new EmbedderInfo(OnnxEmbedder.JOINT_MODEL_ID, 768));
    for (int j = 1; j < TEXTS.size(); j++) {
      double expected = Vectors.dot(bge[0], bge[j]) / 3 + 2 * Vectors.dot(e5[0], e5[j]) / 3;
      assertThat(Vectors.dot(joined[0], joined[j])).isCloseTo(expected, within(1e-4));
    }
    assertThat(Vectors.dot(joined[0], joined[1])).isGreaterThan(Vectors.dot(joined[0], joined[2]));
  }

  @Test
  void should_find_each_bundled_model_by_its_id() {
    try (Embedder e5 = Providers.embedder("e5-small-v2-q").create()) {
      assertThat(e5).isInstanceOf(OnnxEmbedder.class);
      assertThat(e5.info().modelId()).isEqualTo(BundledModel.E5_SMALL_V2_Q.id());
    }
    assertThat(joint).isInstanceOf(JointEmbedder.class);
    assertThat(part(0).info().modelId()).isEqualTo(OnnxEmbedder.MODEL_ID);
  }

  private static Embedder part(int index) {
    return ((JointEmbedder) joint).parts().get(index).embedder();
  }
}
