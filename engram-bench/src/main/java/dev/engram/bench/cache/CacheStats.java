package dev.engram.bench.cache;

/**
 * What a {@link CachingEmbedder} did.
 *
 * @param loaded vectors found in the file when it was opened
 * @param hits texts answered from the cache
 * @param misses texts sent to the real embedder (and appended to the file)
 * @param missNanos time spent in the real embedder, in nanoseconds
 * @param persistent whether new vectors are written to disk (false when the file is locked by
 *     another process and the cache runs in memory only)
 */
public record CacheStats(long loaded, long hits, long misses, long missNanos, boolean persistent) {

  /** The counts of two caches (a joint embedder's parts) added up. */
  public CacheStats plus(CacheStats other) {
    return new CacheStats(loaded + other.loaded, hits + other.hits, misses + other.misses,
        missNanos + other.missNanos, persistent && other.persistent);
  }

  /** Hits as a share of all lookups; 0 when there were none. */
  public double hitRate() {
    long total = hits + misses;
    return total == 0 ? 0 : (double) hits / total;
  }
}
