package dev.engram.lucene;

import static dev.engram.store.TestItem.EMBEDDER;
import static dev.engram.store.TestItem.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.store.MemoryStore;
import dev.engram.store.ScoredItem;
import dev.engram.store.TimeRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Readers searching while one thread writes: no errors, no foreign items, exact final counts. */
class ConcurrentReadWriteTest {
  private static final SubjectRef ALICE = new SubjectRef("t1", "alice");
  private static final SubjectRef BOB = new SubjectRef("t1", "bob");
  private static final int WRITES = 60;
  private static final int READERS = 2;

  @TempDir
  Path root;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void should_serve_readers_while_one_thread_writes() throws Exception {
    // given
    ExecutorService pool = Executors.newFixedThreadPool(READERS + 1);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicLong reads = new AtomicLong();
    Path dir = root.resolve("store");
    try (MemoryStore store = LuceneMemoryStore.open(dir, EMBEDDER.info(), false)) {
      store.add(List.of(item(BOB, "bob-0", "kayak trip of bob").build()));

      // when
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        readers.add(pool.submit(() -> {
          while (writing.get()) {
            readOnce(store);
            reads.incrementAndGet();
          }
          return null;
        }));
      }
      Future<Integer> writer = pool.submit(() -> {
        try {
          return writeAll(store);
        } finally {
          writing.set(false);
        }
      });

      // then
      int deleted = writer.get(100, TimeUnit.SECONDS);
      for (Future<?> reader : readers) {
        reader.get(10, TimeUnit.SECONDS);
      }
      assertThat(store.subjectStats(ALICE).items()).isEqualTo(WRITES - deleted);
      assertThat(store.subjectStats(BOB).items()).isEqualTo(1);
      assertThat(store.timeline(ALICE, 0, 1000)).hasSize(WRITES - deleted);
      assertThat(reads.get()).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }

  /** Adds WRITES items to alice, deleting every tenth one again; returns how many it deleted. */
  private static int writeAll(MemoryStore store) {
    int deleted = 0;
    for (int i = 0; i < WRITES; i++) {
      store.add(List.of(item(ALICE, "a-" + i, "kayak note " + i).seq(i, i).build()));
      assertThat(store.get(ALICE, "a-" + i)).isPresent(); // read your own write
      if (i % 10 == 9) {
        deleted += store.deleteItems(ALICE, List.of("a-" + (i - 5)));
      }
    }
    return deleted;
  }

  private static void readOnce(MemoryStore store) {
    List<ScoredItem> text = store.searchText(ALICE, "kayak note", 10, TimeRange.ALL);
    List<ScoredItem> vector =
        store.searchVector(ALICE, EMBEDDER.embedQuery("kayak note 3"), 10, TimeRange.ALL);
    List<MemoryItem> timeline = store.timeline(ALICE, 0, 200);
    for (ScoredItem hit : text) {
      assertThat(hit.item().owner()).isEqualTo(ALICE);
    }
    for (ScoredItem hit : vector) {
      assertThat(hit.item().owner()).isEqualTo(ALICE);
    }
    assertThat(timeline).allMatch(item -> item.owner().equals(ALICE))
        .isSortedAccordingTo((a, b) -> Long.compare(a.subjectSeq(), b.subjectSeq()));
    assertThat(store.subjectStats(BOB).items()).isEqualTo(1);
  }
}
