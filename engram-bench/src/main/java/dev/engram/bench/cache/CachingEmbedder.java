package dev.engram.bench.cache;

import dev.engram.embed.Embedder;
import dev.engram.embed.EmbedderInfo;
import dev.engram.model.Require;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Embedder} that remembers every vector its delegate made, on disk, keyed by the SHA-256
 * of the model id, the kind (passage or query) and the text. The file
 * ({@code <dir>/<model>-<dimension>.vectors}) is loaded into memory when the cache opens, and new
 * vectors are appended as they are made; {@link #close} forces them to disk. A crash loses at most
 * the last, torn record. Vectors are returned as shared arrays: callers must not modify them.
 *
 * <p>Thread-safe: lookups and appends are serialised, the delegate runs outside the lock (two
 * threads missing the same text both embed it; the second append is harmless). Closing the cache
 * does not close the delegate.
 */
public final class CachingEmbedder implements Embedder {
  private final Embedder delegate;
  private final Map<CacheKey, float[]> vectors = new HashMap<>();
  private final VectorFile file;
  private final long loaded;
  private long hits;
  private long misses;
  private long missNanos;

  private CachingEmbedder(Embedder delegate, Path dir) {
    this.delegate = delegate;
    EmbedderInfo info = delegate.info();
    Path path = dir.resolve(fileName(info));
    this.file = VectorFile.open(path, info.modelId(), info.dimension(), vectors);
    this.loaded = vectors.size();
  }

  /**
   * Opens the cache for {@code delegate}'s model in {@code dir} (created if absent).
   *
   * @throws IllegalStateException if the file there holds another model's vectors or is not a cache
   * @throws java.io.UncheckedIOException if the directory or file cannot be read or created
   */
  public static CachingEmbedder open(Embedder delegate, Path dir) {
    return new CachingEmbedder(Require.nonNull(delegate, "delegate"), Require.nonNull(dir, "dir"));
  }

  /** The file name for a model: its id with anything but letters, digits, '.', '-' made '_'. */
  static String fileName(EmbedderInfo info) {
    return info.modelId().replaceAll("[^A-Za-z0-9.\\-]", "_") + "-" + info.dimension() + ".vectors";
  }

  @Override
  public EmbedderInfo info() {
    return delegate.info();
  }

  @Override
  public float[][] embed(List<String> texts) {
    return lookup(texts, false);
  }

  @Override
  public float[] embedQuery(String query) {
    return lookup(List.of(Require.nonNull(query, "query")), true)[0];
  }

  /** Counts so far. */
  public synchronized CacheStats stats() {
    return new CacheStats(loaded, hits, misses, missNanos, file.writable());
  }

  /** Forces appended vectors to disk and releases the file; the delegate stays open. */
  @Override
  public synchronized void close() {
    file.close();
  }

  private float[][] lookup(List<String> texts, boolean query) {
    String model = delegate.info().modelId();
    CacheKey[] keys = new CacheKey[texts.size()];
    float[][] out = new float[texts.size()][];
    // Texts missing from the cache, once each, with the positions that want them.
    Map<CacheKey, List<Integer>> wanted = new LinkedHashMap<>();
    Map<CacheKey, String> missingText = new LinkedHashMap<>();
    synchronized (this) {
      for (int i = 0; i < texts.size(); i++) {
        keys[i] = CacheKey.of(model, query, Require.nonNull(texts.get(i), "texts[" + i + "]"));
        out[i] = vectors.get(keys[i]);
        if (out[i] != null) {
          hits++;
        } else {
          wanted.computeIfAbsent(keys[i], k -> new ArrayList<>()).add(i);
          missingText.putIfAbsent(keys[i], texts.get(i));
        }
      }
    }
    if (!wanted.isEmpty()) {
      fill(query, out, wanted, missingText);
    }
    return out;
  }

  private void fill(boolean query, float[][] out, Map<CacheKey, List<Integer>> wanted,
      Map<CacheKey, String> missingText) {
    List<String> batch = new ArrayList<>(missingText.values());
    long start = System.nanoTime();
    float[][] made = query ? new float[][] {delegate.embedQuery(batch.get(0))}
        : delegate.embed(batch);
    long took = System.nanoTime() - start;
    CacheKey[] newKeys = missingText.keySet().toArray(new CacheKey[0]);
    synchronized (this) {
      for (int j = 0; j < newKeys.length; j++) {
        vectors.put(newKeys[j], made[j]);
        for (int position : wanted.get(newKeys[j])) {
          out[position] = made[j];
        }
      }
      misses += newKeys.length;
      hits += wanted.values().stream().mapToInt(List::size).sum() - newKeys.length;
      missNanos += took;
      file.append(newKeys, made);
    }
  }
}
