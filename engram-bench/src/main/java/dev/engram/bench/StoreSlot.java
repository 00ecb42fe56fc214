package dev.engram.bench;

import dev.engram.embed.EmbedderInfo;
import dev.engram.spi.Providers;
import dev.engram.store.InMemoryMemoryStore;
import dev.engram.store.MemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh store for one haystack: an {@link InMemoryMemoryStore}, or a Lucene store in a new temp
 * directory that is deleted on {@link #close}.
 */
final class StoreSlot implements AutoCloseable {
  private final MemoryStore store;
  private final Path dir;

  private StoreSlot(MemoryStore store, Path dir) {
    this.store = store;
    this.dir = dir;
  }

  /**
   * @param kind {@code memory} or {@code lucene}
   * @throws UncheckedIOException if the temp directory cannot be created
   */
  static StoreSlot open(String kind, EmbedderInfo embedder) {
    if (kind.equals("memory")) {
      return new StoreSlot(new InMemoryMemoryStore(embedder), null);
    }
    try {
      Path dir = Files.createTempDirectory("engram-bench-");
      try {
        return new StoreSlot(Providers.store(kind).open(dir, embedder, false), dir);
      } catch (RuntimeException e) {
        delete(dir);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp directory for the store", e);
    }
  }

  MemoryStore store() {
    return store;
  }

  /** Bytes of the store's files; 0 for the in-memory store. */
  long bytesOnDisk() {
    return store.stats().bytesOnDisk();
  }

  @Override
  public void close() {
    try {
      store.close();
    } finally {
      if (dir != null) {
        delete(dir);
      }
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete temp store " + dir, e);
    }
  }
}
