package dev.engram.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.engram.embed.JointEmbedder.Part;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JointEmbedderTest {
  private static final List<String> TEXTS = List.of("my sister adopted a beagle puppy",
      "the beagle puppy chewed my sister's shoes", "quarterly tax returns are due in April");

  @Test
  void should_make_unit_vectors_whose_dot_product_is_the_weighted_mean_of_the_parts_cosines() {
    HashingEmbedder small = new HashingEmbedder(64);
    HashingEmbedder large = new HashingEmbedder(256);
    JointEmbedder joint =
        JointEmbedder.of("small+large*3", List.of(new Part(small, 1), new Part(large, 3)));

    float[][] joined = joint.embed(TEXTS);
    float[][] a = small.embed(TEXTS);
    float[][] b = large.embed(TEXTS);

    assertThat(joint.info()).isEqualTo(new EmbedderInfo("small+large*3", 320));
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(Vectors.dot(joined[i], joined[i])).isCloseTo(1.0, within(1e-5));
      for (int j = 0; j < TEXTS.size(); j++) {
        double expected = 0.25 * Vectors.dot(a[i], a[j]) + 0.75 * Vectors.dot(b[i], b[j]);
        assertThat(Vectors.dot(joined[i], joined[j])).as("pair %d, %d", i, j)
            .isCloseTo(expected, within(1e-5));
      }
    }
  }

  @Test
  void should_embed_queries_with_each_parts_query_path() {
    JointEmbedder joint = JointEmbedder.of("marked+marked",
        List.of(new Part(new QueryMarking(), 1), new Part(new QueryMarking(), 1)));

    float half = (float) Math.sqrt(0.5);
    assertThat(joint.embed(List.of("a passage"))[0]).containsExactly(half, 0, half, 0);
    assertThat(joint.embedQuery("a query")).containsExactly(0, half, 0, half);
  }

  @Test
  void should_close_every_part_even_when_one_fails() {
    List<String> closed = new ArrayList<>();
    Embedder failing = new QueryMarking() {
      @Override
      public void close() {
        closed.add("failing");
        throw new IllegalStateException("native session already freed");
      }
    };
    Embedder plain = new QueryMarking() {
      @Override
      public void close() {
        closed.add("plain");
      }
    };
    JointEmbedder joint = JointEmbedder.of("j", List.of(new Part(failing, 1), new Part(plain, 1)));

    assertThatThrownBy(joint::close).hasMessage("native session already freed");
    assertThat(closed).containsExactly("failing", "plain");
  }

  @Test
  void should_name_what_is_wrong_with_its_arguments() {
    Embedder one = new HashingEmbedder(8);
    assertThatThrownBy(() -> JointEmbedder.of("j", List.of(new Part(one, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parts must hold at least two embedders, was 1");
    assertThatThrownBy(() -> JointEmbedder.of(" ", List.of(new Part(one, 1), new Part(one, 1))))
        .hasMessageContaining("modelId");
    assertThatThrownBy(() -> new Part(one, 0))
        .hasMessage("weight must be finite and above 0, was 0.0");
    assertThatThrownBy(() -> new Part(one, Double.NaN))
        .hasMessage("weight must be finite and above 0, was NaN");
    assertThatThrownBy(() -> new Part(null, 1)).hasMessageContaining("embedder");
  }

  /** Passages embed to (1, 0), queries to (0, 1). */
  private static class QueryMarking implements Embedder {
    @Override
    public EmbedderInfo info() {
      return new EmbedderInfo("marked", 2);
    }

    @Override
    public float[][] embed(List<String> texts) {
      return texts.stream().map(text -> new float[] {1, 0}).toArray(float[][]::new);
    }

    @Override
    public float[] embedQuery(String query) {
      return new float[] {0, 1};
    }
  }
}
