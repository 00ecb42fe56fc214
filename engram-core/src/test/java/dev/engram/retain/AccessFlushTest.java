package dev.engram.retain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.MutableClock;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.read.RecallRequest;
import dev.engram.store.InMemoryMemoryStore;
import dev.engram.store.ItemFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Recall never writes: once enough accesses are pending it queues one flush on the memory's
 * executor, which writes them under the write lock; closing writes what is still pending.
 */
class AccessFlushTest {
  private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
  private static final SubjectRef ALICE = SubjectRef.of("alice");
  private final HashingEmbedder embedder = new HashingEmbedder(256);
  private final InMemoryMemoryStore store = new InMemoryMemoryStore(embedder.info());
  private final List<Runnable> queued = new ArrayList<>();
  private final Engram engram = Engram.builder().store(store).embedder(embedder)
      .clock(new MutableClock(T0)).executor(queued::add).build();

  @AfterEach
  void close() {
    engram.close();
  }

  @Test
  void should_queue_one_flush_off_the_recalling_thread_and_write_the_counts_when_it_runs() {
    // given: a memory larger than the budget, so recall retrieves and counts its best hits
    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      sessions.add(new Session("s" + i, T0.plusSeconds(3600L * i), List.of(
          Message.user("Garden log " + i + ": planted tomatoes, basil and peppers by the fence"),
          Message.assistant("Noted for the garden, entry " + i + "."))));
    }
    engram.rememberAll("alice", sessions);
    RecallRequest request = RecallRequest.of("what did I plant in the garden").withBudget(300);

    // when: more recalls than it takes to make a flush due
    int recalls = 2 * AccessTracker.FLUSH_AT / AccessTracker.COUNTED_RANKS;
    for (int i = 0; i < recalls; i++) {
      engram.recall("alice", request);
    }

    // then: one flush queued, nothing written yet
    assertThat(queued).hasSize(1);
    assertThat(accessCounts()).isZero();

    // when: the executor runs it
    queued.remove(0).run();

    // then: the counts are stored, and a recall after the flush may queue the next one
    long written = accessCounts();
    assertThat(written).isGreaterThanOrEqualTo(AccessTracker.FLUSH_AT);
    engram.recall("alice", request);
    engram.close();
    assertThat(accessCounts()).as("closing writes what is pending").isGreaterThan(written);
  }

  private long accessCounts() {
    return store.items(ALICE, ItemFilter.ANY, 1000).stream().map(MemoryItem::lifecycle)
        .mapToLong(dev.engram.model.Lifecycle::accessCount).sum();
  }
}
