package dev.engram.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.MutableClock;
import dev.engram.TestHistory;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.ItemKind;
import dev.engram.model.Lifecycle;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.store.AuditEvent;
import dev.engram.store.ItemFilter;
import dev.engram.write.AdmissionPolicy;
import dev.engram.write.RememberResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
            && item.contains(" home false "))
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

  @Test
  void should_show_its_writes_to_the_searchers_once_at_its_commit() {
    // The first facts after a session without any, a fact superseded (Porto by Lisbon), a
    // level-2 summary and a repeated session merged into an earlier one, all within the call:
    // each used to read what the call had written, which showed its pending writes (a flush)
    // before the commit.
    List<Session> history = new ArrayList<>();
    history.add(TestHistory.session("s0", -1, "What a sunny morning.", "Enjoy it!"));
    history.addAll(TestHistory.sessions(4));
    history.add(new Session("s2-again", T0.plusSeconds(86_400L * 4), history.get(2).messages()));
    try (LuceneMemoryStore store = LuceneMemoryStore.open(bulkDir, EMBEDDER.info(), false);
        Engram engram = Engram.builder().store(store).embedder(EMBEDDER)
            .clock(new MutableClock(T0)).summaryEveryTurns(6)
            .admission(new AdmissionPolicy(0.05, 0)).build()) {
      long before = store.index().pendingShown();

      RememberResult result = engram.rememberAll("alice", history);

      // Its statement is a fact, so it is kept; its closing round repeats one stored earlier.
      assertThat(result.mergedIds()).as("the repeated closing round").hasSize(1);
      assertThat(store.index().pendingShown() - before).isEqualTo(1);
      assertThat(store.items(ALICE, ItemFilter.allOf(ItemKind.SUMMARY), 10))
          .anyMatch(s -> Lifecycle.LEVEL_SUBJECT.equals(s.lifecycle().attribute()));
      assertThat(store.items(ALICE, ItemFilter.allOf(ItemKind.FACT), 10))
          .anyMatch(f -> f.text().contains("Porto") && !f.lifecycle().current());
      assertThat(store.items(ALICE, ItemFilter.allOf(ItemKind.EPISODE), 20))
          .filteredOn(e -> e.session().equals("s2") && e.text().contains("Thanks"))
          .singleElement().matches(e -> e.lifecycle().accessCount() == 1, "counted the hit");
    }
  }

  /** What a store holds after {@code remember}, read back after reopening it. */
  private record Snapshot(List<String> items, List<String> audit, List<Long> versions) {}

  private static Snapshot rememberAndRead(Path dir, Consumer<Engram> remember) {
    try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, EMBEDDER.info(), false);
        Engram engram = open(store)) {
      remember.accept(engram);
    }
    try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, EMBEDDER.info(), true)) {
      List<AuditEvent> audit = store.audit(ALICE, 1, 1000);
      return new Snapshot(
          store.items(ALICE, ItemFilter.ANY, 1000).stream()
              .map(it -> it.kind() + " " + it.id() + " " + it.session() + " " + it.sessionSeq()
                  + " " + it.subjectSeq() + " " + it.key().replace('\n', '|') + " "
                  + it.lifecycle().tier() + " " + it.lifecycle().attribute() + " "
                  + it.lifecycle().current() + " " + it.lifecycle().accessCount())
              .sorted().toList(),
          audit.stream().map(e -> e.action() + " " + e.itemIds() + " " + e.causeIds()).toList(),
          audit.stream().map(AuditEvent::version).toList());
    }
  }

  private static Engram open(LuceneMemoryStore store) {
    return Engram.builder().store(store).embedder(EMBEDDER).clock(new MutableClock(T0))
        .summaryEveryTurns(6).build();
  }
}
