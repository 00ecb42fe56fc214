package dev.engram.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.MutableClock;
import dev.engram.TestHistory;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.store.AuditEvent;
import dev.engram.store.ItemFilter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk remember on the Lucene store, one commit whose writes the searchers show only when a
 * read needs them, stores exactly what one remember per session stores: the same episodes,
 * facts (superseded across sessions of the call), summaries (a level-2 one rebuilt inside the
 * call) and audit trail, with dense audit versions.
 */
class BulkRememberTest {
  private static final Instant T0 = TestHistory.START;
  private static final SubjectRef ALICE = SubjectRef.of("alice");
  private static final HashingEmbedder EMBEDDER = new HashingEmbedder(128);

  @TempDir Path bulkDir;
  @TempDir Path singleDir;

  @Test
  void should_store_what_one_remember_per_session_stores() {
    List<Session> history = TestHistory.sessions(6);

    Snapshot bulk = rememberAndRead(bulkDir, engram -> {
      engram.rememberAll("alice", history.subList(0, 4));
      engram.rememberAll("alice", history.subList(4, history.size()));
    });
    Snapshot single = rememberAndRead(singleDir, engram -> history.forEach(
        session -> engram.remember("alice", session)));

    assertThat(bulk.items()).isEqualTo(single.items());
    assertThat(bulk.items()).as("Lisbon, superseded by Braga later in the same call")
        .anyMatch(item -> item.startsWith("FACT") && item.contains("home: Lisbon")
            && item.endsWith("home false"))
        .anyMatch(item -> item.startsWith("SUMMARY") && item.contains("summary-level-2"));
    assertThat(bulk.audit()).isEqualTo(single.audit());
    assertThat(bulk.versions()).isEqualTo(
        java.util.stream.LongStream.rangeClosed(1, bulk.versions().size()).boxed().toList());
  }

  @Test
  void should_summarise_a_session_continued_in_a_later_bulk_call_from_all_its_episodes() {
    Session first = TestHistory.sessions(1).get(0);
    Session more = new Session("s1", T0.plusSeconds(60), List.of(
        Message.user("My sister Ana is a nurse."), Message.assistant("Good to know.")));

    Snapshot bulk = rememberAndRead(bulkDir, engram -> {
      engram.rememberAll("alice", List.of(first));
      engram.rememberAll("alice", List.of(more));
    });
    Snapshot single = rememberAndRead(singleDir, engram -> {
      engram.remember("alice", first);
      engram.remember("alice", more);
    });

    assertThat(bulk.items()).isEqualTo(single.items());
  }

  /** What a store holds after {@code remember}, read back after reopening it. */
  private record Snapshot(List<String> items, List<String> audit, List<Long> versions) {}

  private static Snapshot rememberAndRead(Path dir, Consumer<Engram> remember) {
    try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, EMBEDDER.info(), false);
        Engram engram = Engram.builder().store(store).embedder(EMBEDDER)
            .clock(new MutableClock(T0)).summaryEveryTurns(6).build()) {
      remember.accept(engram);
    }
    try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, EMBEDDER.info(), true)) {
      List<AuditEvent> audit = store.audit(ALICE, 1, 1000);
      return new Snapshot(
          store.items(ALICE, ItemFilter.ANY, 1000).stream()
              .map(it -> it.kind() + " " + it.id() + " " + it.session() + " " + it.sessionSeq()
                  + " " + it.subjectSeq() + " " + it.key().replace('\n', '|') + " "
                  + it.lifecycle().tier() + " " + it.lifecycle().attribute() + " "
                  + it.lifecycle().current())
              .sorted().toList(),
          audit.stream().map(e -> e.action() + " " + e.itemIds() + " " + e.causeIds()).toList(),
          audit.stream().map(AuditEvent::version).toList());
    }
  }
}
