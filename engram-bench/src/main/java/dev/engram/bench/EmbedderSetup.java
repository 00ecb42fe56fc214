package dev.engram.bench;

import dev.engram.bench.cache.CacheStats;
import dev.engram.bench.cache.CachingEmbedder;
import dev.engram.embed.Embedder;
import dev.engram.embed.HashingEmbedder;
import dev.engram.embed.JointEmbedder;
import dev.engram.spi.Providers;
import java.util.ArrayList;
import java.util.List;

/**
 * The two embedders of a run: {@link #raw()}, the real model with no cache (every speed figure
 * comes from it), and {@link #shared()}, the one every system ingests and queries with: the raw
 * one behind a {@link CachingEmbedder}, or the raw one itself with {@code --no-cache}. A {@link
 * JointEmbedder} is cached part by part, so that it shares its parts' vectors with runs of the
 * parts alone and with joints of other weights.
 */
final class EmbedderSetup implements AutoCloseable {
  /** The model id that selects {@link HashingEmbedder} (a lexical stand-in, for tests). */
  static final String HASHING = "hashing";
  private static final int HASHING_DIMENSION = 384;

  private final Embedder raw;
  private final List<CachingEmbedder> caches;
  private final Embedder shared;

  private EmbedderSetup(Embedder raw, List<CachingEmbedder> caches, Embedder shared) {
    this.raw = raw;
    this.caches = caches;
    this.shared = shared;
  }

  /** Creates the embedder named in {@code config} and, unless disabled, opens its cache. */
  static EmbedderSetup open(BenchConfig config) {
    Embedder raw = HASHING.equals(config.embedder())
        ? new HashingEmbedder(HASHING_DIMENSION)
        : Providers.embedder(config.embedder()).create();
    if (config.embedCache() == null) {
      return new EmbedderSetup(raw, List.of(), raw);
    }
    List<CachingEmbedder> caches = new ArrayList<>();
    try {
      if (raw instanceof JointEmbedder joint) {
        List<JointEmbedder.Part> cachedParts = new ArrayList<>();
        for (JointEmbedder.Part part : joint.parts()) {
          caches.add(CachingEmbedder.open(part.embedder(), config.embedCache()));
          cachedParts.add(new JointEmbedder.Part(caches.get(caches.size() - 1), part.weight()));
        }
        // Closing this joint closes the part caches' files, not the models under them.
        Embedder shared = JointEmbedder.of(joint.info().modelId(), cachedParts);
        return new EmbedderSetup(raw, caches, shared);
      }
      caches.add(CachingEmbedder.open(raw, config.embedCache()));
      return new EmbedderSetup(raw, caches, caches.get(0));
    } catch (RuntimeException e) {
      caches.forEach(CachingEmbedder::close);
      raw.close();
      throw e;
    }
  }

  Embedder raw() {
    return raw;
  }

  Embedder shared() {
    return shared;
  }

  /** The caches' counts added up, or null when running without a cache. */
  CacheStats cacheStats() {
    return caches.stream().map(CachingEmbedder::stats).reduce(CacheStats::plus).orElse(null);
  }

  @Override
  public void close() {
    try {
      caches.forEach(CachingEmbedder::close);
    } finally {
      raw.close();
    }
  }
}
