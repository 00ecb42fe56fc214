package dev.engram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.bench.cache.CacheStats;
import dev.engram.bench.llm.LlmBench;
import dev.engram.embed.Vectors;
import dev.engram.onnx.OnnxEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's embedders with the real bundled models: a joint embedder is cached part by part. */
class EmbedderSetupTest {
  private static final List<String> TEXTS =
      List.of("Caroline went to a support group on Tuesday", "Melanie painted a sunset");

  @Test
  void should_cache_a_joint_embedder_by_part_so_a_part_alone_reuses_its_vectors(
      @TempDir Path cache) throws IOException {
    float[] joinedQuery;
    try (EmbedderSetup joint = EmbedderSetup.open(config(OnnxEmbedder.JOINT_MODEL_ID, cache))) {
      float[][] joined = joint.shared().embed(TEXTS);
      joinedQuery = joint.shared().embedQuery("Who painted?");

      assertThat(joint.shared().info()).isEqualTo(joint.raw().info());
      assertThat(joined[0]).hasSize(768);
      assertThat(Vectors.dot(joined[0], joint.raw().embed(TEXTS.subList(0, 1))[0]))
          .isGreaterThan(0.999);
      assertThat(joint.cacheStats()).isEqualTo(new CacheStats(0, 0, 6,
          joint.cacheStats().missNanos(), true));
    }
    try (Stream<Path> files = Files.list(cache)) {
      assertThat(files.map(file -> file.getFileName().toString()))
          .containsExactlyInAnyOrder("bge-small-en-v1.5-q-384.vectors",
              "e5-small-v2-q-384.vectors");
    }

    try (EmbedderSetup e5 = EmbedderSetup.open(config("e5-small-v2-q", cache))) {
      e5.shared().embed(TEXTS);
      e5.shared().embedQuery("Who painted?");

      assertThat(e5.cacheStats().loaded()).isEqualTo(3);
      assertThat(e5.cacheStats().hits()).isEqualTo(3);
      assertThat(e5.cacheStats().misses()).isZero();
    }
    try (EmbedderSetup again = EmbedderSetup.open(config(OnnxEmbedder.JOINT_MODEL_ID, cache))) {
      assertThat(again.shared().embedQuery("Who painted?")).containsExactly(joinedQuery);
      assertThat(again.cacheStats().misses()).isZero();
    }
  }

  private static BenchConfig config(String embedder, Path cache) {
    return new BenchConfig("locomo", Path.of("locomo10.json"), List.of("engram"),
        new Selection(new HashSet<>(), 0, 1, 1), List.of(10), List.of(1000), 1000,
        cache.resolve("out"), cache, embedder, "memory", 0, 0, 0, true, 0.05, LlmBench.OFF);
  }
}
