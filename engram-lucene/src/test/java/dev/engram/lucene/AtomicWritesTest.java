package dev.engram.lucene;

import static dev.engram.store.TestItem.EMBEDDER;
import static dev.engram.store.TestItem.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.Engram;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.model.Tier;
import dev.engram.store.AuditAction;
import dev.engram.store.AuditEvent;
import dev.engram.store.ItemFilter;
import dev.engram.store.StoreException;
import dev.engram.write.AdmissionPolicy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes inside {@code atomically} become one commit: another process (a read-only store on the
 * same directory, which sees only commits) sees none of them until the unit ends, while the
 * writer sees each of its own writes at once. A remember, with its facts, summary and audit
 * events, is such a unit.
 */
class AtomicWritesTest {
  private static final SubjectRef ALICE = SubjectRef.of("alice");

  @TempDir Path dir;

  @Test
  void should_commit_the_writes_of_a_unit_together() {
    try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, EMBEDDER.info(), false);
        LuceneMemoryStore reader = LuceneMemoryStore.open(dir, EMBEDDER.info(), true)) {
      store.atomically(() -> {
        store.add(List.of(item(ALICE, "a-1", "kayak trip").build()));
        AuditEvent event = store.appendAudit(new AuditEvent(ALICE, AuditEvent.UNASSIGNED,
            Instant.parse("2024-03-01T10:00:00Z"), AuditAction.REMEMBER, List.of("a-1"),
            List.of(), "test", ""));
        // the writer sees its own writes inside the unit; another process does not, yet
        assertThat(store.get(ALICE, "a-1")).isPresent();
        assertThat(event.version()).isEqualTo(1);
        assertThat(reader.get(ALICE, "a-1")).isEmpty();
        assertThat(reader.audit(ALICE, 1, 10)).isEmpty();
        return null;
      });

      assertThat(reader.get(ALICE, "a-1")).isPresent();
      assertThat(reader.audit(ALICE, 1, 10)).hasSize(1);
    }
  }

  @Test
  void should_make_a_remember_with_its_facts_and_audit_one_commit() {
    try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, EMBEDDER.info(), false);
        Engram engram = Engram.builder().store(store).embedder(EMBEDDER).build()) {
      long before = store.index().commitGeneration();

      engram.remember("alice", "s1", List.of(Message.user("My dog is called Biscuit."),
          Message.assistant("What a lovely name.")));

      assertThat(store.index().commitGeneration()).isEqualTo(before + 1);
      assertThat(store.items(ALICE, ItemFilter.current(ItemKind.FACT), 10)).isNotEmpty();
      assertThat(engram.history("alice")).extracting(AuditEvent::action)
          .contains(AuditAction.REMEMBER, AuditAction.FACT);
    }
  }

  @Test
  void should_make_a_bulk_remember_of_several_sessions_one_commit_that_survives_reopening() {
    List<Session> sessions = List.of(
        new Session("mon", null, List.of(Message.user("My dog is called Biscuit."))),
        new Session("tue", null, List.of(Message.user("I moved to Lisbon in March."))),
        new Session("wed", null, List.of(Message.user("We adopted a second dog, Pepper."))));
    try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, EMBEDDER.info(), false);
        Engram engram = Engram.builder().store(store).embedder(EMBEDDER).build()) {
      long before = store.index().commitGeneration();

      assertThat(engram.rememberAll("alice", sessions).addedIds()).hasSize(3);

      assertThat(store.index().commitGeneration()).isEqualTo(before + 1);
    }
    try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, EMBEDDER.info(), true)) {
      assertThat(store.items(ALICE, ItemFilter.current(ItemKind.EPISODE), 10))
          .extracting(MemoryItem::session).containsExactly("mon", "tue", "wed");
    }
  }

  @Test
  void should_keep_serving_reads_after_a_write_fails_inside_a_unit() {
    try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, EMBEDDER.info(), false)) {
      store.add(List.of(item(ALICE, "a-1", "kayak trip").build()));

      // when: a unit writes, then fails in the index (a full disk, say)
      assertThatThrownBy(() -> store.atomically(() -> {
        store.add(List.of(item(ALICE, "a-2", "canoe trip").build()));
        return store.index().writeBlind((writer, current) -> {
          throw new java.io.IOException("disk full");
        });
      })).isInstanceOf(StoreException.class).hasMessageContaining("disk full");

      // then: the unit is gone, writes are refused, and reads go on from the last commit
      assertThat(store.get(ALICE, "a-1")).isPresent();
      assertThatThrownBy(() -> store.add(List.of(item(ALICE, "a-3", "raft").build())))
          .isInstanceOf(StoreException.class).hasMessageContaining("refuses writes");
    }
    try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, EMBEDDER.info(), true)) {
      assertThat(store.get(ALICE, "a-1")).isPresent();
      assertThat(store.get(ALICE, "a-2")).isEmpty();
    }
  }

  @Test
  void should_commit_a_merged_near_repeat_and_its_hit_with_the_remember_and_keep_them_on_disk() {
    // given: a gate without momentum, so an exact repeat in a new session is merged at once
    AdmissionPolicy gate = new AdmissionPolicy(0.05, 0);
    String original;
    String merged;
    try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, EMBEDDER.info(), false);
        Engram engram = Engram.builder().store(store).embedder(EMBEDDER).admission(gate).build()) {
      original = engram.remember("alice", "mon", List.of(Message.user("Same as always, all "
          + "quiet on the night shift."))).addedIds().get(0);
      long before = store.index().commitGeneration();

      merged = engram.remember("alice", "tue", List.of(Message.user("Same as always, all quiet "
          + "on the night shift."))).mergedIds().get(0);

      assertThat(store.index().commitGeneration()).isEqualTo(before + 1);
    }

    // then: after reopening, the repeat is there, verbatim and cold, and the original has its hit
    try (LuceneMemoryStore store = LuceneMemoryStore.open(dir, EMBEDDER.info(), true)) {
      assertThat(store.get(ALICE, merged).orElseThrow().lifecycle().tier()).isEqualTo(Tier.COLD);
      assertThat(store.get(ALICE, merged).orElseThrow().text()).contains("night shift");
      assertThat(store.get(ALICE, original).orElseThrow().lifecycle().accessCount()).isEqualTo(1);
      assertThat(store.searchText(ALICE, "night shift", 10, ItemFilter.evidence(
          dev.engram.store.TimeRange.ALL))).extracting(hit -> hit.item().id())
          .containsExactly(original);
      assertThat(store.audit(ALICE, 1, 100)).extracting(AuditEvent::action)
          .contains(AuditAction.MERGE);
    }
  }
}
