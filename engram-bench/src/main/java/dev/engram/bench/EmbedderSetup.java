package dev.engram.bench;

import dev.engram.bench.cache.CacheStats;
import dev.engram.bench.cache.CachingEmbedder;
import dev.engram.embed.Embedder;
import dev.engram.embed.HashingEmbedder;
import dev.engram.spi.Providers;

/**
 * The two embedders of a run: {@link #raw()}, the real model with no cache (every speed figure
 * comes from it), and {@link #shared()}, the one every system ingests and queries with: the raw
 * one behind a {@link CachingEmbedder}, or the raw one itself with {@code --no-cache}.
 */
final class EmbedderSetup implements AutoCloseable {
  /** The model id that selects {@link HashingEmbedder} (a lexical stand-in, for tests). */
  static final String HASHING = "hashing";
  private static final int HASHING_DIMENSION = 384;

  private final Embedder raw;
  private final CachingEmbedder cache;

  private EmbedderSetup(Embedder raw, CachingEmbedder cache) {
    this.raw = raw;
    this.cache = cache;
  }

  /** Creates the embedder named in {@code config} and, unless disabled, opens its cache. */
  static EmbedderSetup open(BenchConfig config) {
    Embedder raw = HASHING.equals(config.embedder())
        ? new HashingEmbedder(HASHING_DIMENSION)
        : Providers.embedder(config.embedder()).create();
    try {
      CachingEmbedder cache =
          config.embedCache() == null ? null : CachingEmbedder.open(raw, config.embedCache());
      return new EmbedderSetup(raw, cache);
    } catch (RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  Embedder raw() {
    return raw;
  }

  Embedder shared() {
    return cache != null ? cache : raw;
  }

  /** The cache's counts, or null when running without one. */
  CacheStats cacheStats() {
    return cache == null ? null : cache.stats();
  }

  @Override
  public void close() {
    try {
      if (cache != null) {
        cache.close();
      }
    } finally {
      raw.close();
    }
  }
}
