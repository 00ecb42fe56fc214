package dev.engram.bench.synthetic;

import dev.engram.Engram;
import dev.engram.embed.Embedder;
import dev.engram.lucene.LuceneMemoryStore;
import dev.engram.model.Document;
import dev.engram.store.InMemoryMemoryStore;
import dev.engram.store.MemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fresh memory for one probe: an {@link Engram} over a new store (in memory, or Lucene in a
 * temporary directory deleted on close) with the shared embedder, a fixed clock (so runs repeat)
 * and the run's budget. Text goes in through the public write path, {@link Engram#remember}.
 */
final class BenchMemory implements AutoCloseable {
  /** The fixed ingest time of every probe. */
  static final Instant CLOCK_TIME = Instant.parse("2024-01-01T00:00:00Z");

  private final Engram engram;
  private final MemoryStore store;
  private final Path tempDir;

  private BenchMemory(Engram engram, MemoryStore store, Path tempDir) {
    this.engram = engram;
    this.store = store;
    this.tempDir = tempDir;
  }

  /**
   * Opens a memory.
   *
   * @param storeKind {@code memory} or {@code lucene}
   * @param embedder shared; not closed here
   */
  static BenchMemory open(String storeKind, Embedder embedder, int budget) {
    Path dir = null;
    MemoryStore store;
    try {
      if (storeKind.equals("lucene")) {
        dir = Files.createTempDirectory("engram-bench-");
        store = LuceneMemoryStore.open(dir, embedder.info(), false);
      } else {
        store = new InMemoryMemoryStore(embedder.info());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary store: " + e, e);
    }
    Engram engram = Engram.builder().store(store).embedder(embedder).budget(budget)
        .clock(Clock.fixed(CLOCK_TIME, ZoneOffset.UTC)).build();
    return new BenchMemory(engram, store, dir);
  }

  Engram engram() {
    return engram;
  }

  /**
   * Remembers consecutive parts of one text as documents {@code <prefix>-p<n>}, in order, so the
   * subject's timeline follows the text. Steps {@code progress} by characters.
   */
  void rememberParts(String subject, String prefix, List<String> parts, BenchProgress progress) {
    for (int i = 0; i < parts.size(); i++) {
      engram.remember(subject, new Document(prefix + "-p" + (i + 1), parts.get(i), null));
      progress.step(parts.get(i).length());
    }
  }

  /** Items the subject holds. */
  long items(String subject) {
    return engram.stats(subject).items();
  }

  @Override
  public void close() {
    try {
      engram.close();
      store.close();
    } finally {
      deleteTemp();
    }
  }

  private void deleteTemp() {
    if (tempDir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(tempDir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete temporary store " + tempDir + ": " + e, e);
    }
  }
}
