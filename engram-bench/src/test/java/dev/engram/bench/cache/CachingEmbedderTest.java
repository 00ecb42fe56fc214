package dev.engram.bench.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.embed.CountingEmbedder;
import dev.engram.embed.Embedder;
import dev.engram.embed.EmbedderInfo;
import dev.engram.embed.HashingEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingEmbedderTest {
  @TempDir
  Path dir;

  @Test
  void vectorsSurviveAReopenAndAreNotEmbeddedAgain() {
    CountingEmbedder real = new CountingEmbedder(new HashingEmbedder(16));
    float[][] first;
    try (CachingEmbedder cache = CachingEmbedder.open(real, dir)) {
      first = cache.embed(List.of("one", "two", "one"));
      assertThat(real.texts.get()).isEqualTo(2); // "one" embedded once
      assertThat(cache.stats().misses()).isEqualTo(2);
      assertThat(cache.stats().hits()).isEqualTo(1);
      cache.embedQuery("where is my dog");
    }
    real.texts.set(0);
    try (CachingEmbedder cache = CachingEmbedder.open(real, dir)) {
      assertThat(cache.stats().loaded()).isEqualTo(3);
      float[][] again = cache.embed(List.of("one", "two"));
      assertThat(again[0]).containsExactly(first[0]);
      assertThat(again[1]).containsExactly(first[1]);
      cache.embedQuery("where is my dog");
      assertThat(real.texts.get()).isZero();
      assertThat(cache.stats().hitRate()).isEqualTo(1.0);
    }
  }

  @Test
  void aTornLastRecordIsIgnoredAndOverwritten() throws IOException {
    CountingEmbedder real = new CountingEmbedder(new HashingEmbedder(16));
    try (CachingEmbedder cache = CachingEmbedder.open(real, dir)) {
      cache.embed(List.of("alpha", "beta"));
    }
    Path file = dir.resolve(CachingEmbedder.fileName(real.info()));
    long whole = Files.size(file);
    // A crash in the middle of appending a record: half a record of garbage at the end.
    Files.write(file, new byte[VectorFile.recordBytes(16) / 2], StandardOpenOption.APPEND);
    try (CachingEmbedder cache = CachingEmbedder.open(real, dir)) {
      assertThat(cache.stats().loaded()).isEqualTo(2);
      assertThat(Files.size(file)).isEqualTo(whole); // cut back to the last whole record
      cache.embed(List.of("gamma"));
    }
    try (CachingEmbedder cache = CachingEmbedder.open(real, dir)) {
      assertThat(cache.stats().loaded()).isEqualTo(3);
      real.texts.set(0);
      cache.embed(List.of("alpha", "beta", "gamma"));
      assertThat(real.texts.get()).isZero();
    }
  }

  @Test
  void aCacheOfAnotherModelIsRefused() throws IOException {
    HashingEmbedder real = new HashingEmbedder(16);
    try (CachingEmbedder cache = CachingEmbedder.open(real, dir)) {
      cache.embed(List.of("x"));
    }
    Path file = dir.resolve(CachingEmbedder.fileName(real.info()));
    Embedder impostor = new CountingEmbedder(real) {
      @Override
      public EmbedderInfo info() {
        return new EmbedderInfo("hashing-16", 17);
      }
    };
    // Same file name only if someone renamed it: simulate by copying to the impostor's name.
    Files.copy(file, dir.resolve(CachingEmbedder.fileName(impostor.info())));
    assertThatThrownBy(() -> CachingEmbedder.open(impostor, dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("hashing-16/16").hasMessageContaining("expected hashing-16/17");
  }

  @Test
  void aSecondOpenInTheSameProcessReadsButDoesNotWrite() {
    HashingEmbedder real = new HashingEmbedder(16);
    try (CachingEmbedder writer = CachingEmbedder.open(real, dir)) {
      writer.embed(List.of("x"));
      try (CachingEmbedder reader = CachingEmbedder.open(real, dir)) {
        assertThat(reader.stats().persistent()).isFalse();
        assertThat(reader.embed(List.of("y"))).hasDimensions(1, 16);
      }
    }
  }
}
