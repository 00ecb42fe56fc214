package dev.engram.fact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.MutableClock;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Session;
import dev.engram.read.Context;
import dev.engram.store.AuditAction;
import dev.engram.store.AuditEvent;
import dev.engram.store.InMemoryMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Facts extracted on remember, superseded by newer values, with history and audit. */
class FactsWithTimeTest {
  private static final Instant JAN = Instant.parse("2024-01-10T09:00:00Z");
  private static final Instant MAR = Instant.parse("2024-03-10T09:00:00Z");
  private final HashingEmbedder embedder = new HashingEmbedder(256);
  private final MutableClock clock = new MutableClock(Instant.parse("2024-06-01T00:00:00Z"));
  private final InMemoryMemoryStore store = new InMemoryMemoryStore(embedder.info());
  private final Engram engram = Engram.builder().store(store).embedder(embedder).clock(clock)
      .build();

  @AfterEach
  void close() {
    engram.close();
  }

  @Test
  void should_supersede_an_older_value_and_keep_it_as_history() {
    // given
    remember("s1", JAN, "I live in Porto.");
    remember("s2", MAR, "Big news: I moved to Lisbon.");

    // when
    List<MemoryItem> current = engram.facts("alice");
    List<MemoryItem> history = engram.factHistory("alice", "home");

    // then
    assertThat(current).extracting(MemoryItem::text).containsExactly("home: Lisbon");
    assertThat(history).extracting(MemoryItem::text).containsExactly("home: Porto", "home: Lisbon");
    MemoryItem old = history.get(0);
    assertThat(old.lifecycle().validFrom()).isEqualTo(JAN);
    assertThat(old.lifecycle().validTo()).isEqualTo(MAR);
    assertThat(old.lifecycle().supersededBy()).isEqualTo(history.get(1).id());
    assertThat(history.get(1).lifecycle().current()).isTrue();
    assertThat(history.get(1).sourceIds()).hasSize(1);
    assertThat(store.get(history.get(1).owner(), history.get(1).sourceIds().get(0)).orElseThrow()
        .key()).as("the fact is in its episode's index key").endsWith("home: Lisbon");
    assertThat(engram.history("alice")).extracting(AuditEvent::action).containsSubsequence(
        AuditAction.REMEMBER, AuditAction.FACT, AuditAction.REMEMBER, AuditAction.FACT,
        AuditAction.SUPERSEDE);
  }

  @Test
  void should_recall_only_the_current_value_by_default() {
    // given: enough other memory that recall retrieves instead of packing everything
    remember("s1", JAN, "I live in Porto.");
    for (int i = 0; i < 40; i++) {
      remember("filler-" + i, JAN.plusSeconds(3600L * (i + 1)),
          "We talked about the weather and gardening tips number " + i + " at length today.");
    }
    remember("s2", MAR, "I moved to Lisbon.");

    // when
    Context context = engram.recall("alice",
        dev.engram.read.RecallRequest.of("where do I live? home").withBudget(400));

    // then
    List<String> facts = context.memoryItems().stream().filter(i -> i.kind() == ItemKind.FACT)
        .map(MemoryItem::text).toList();
    assertThat(context.mode()).isEqualTo(Context.Mode.RETRIEVAL);
    assertThat(facts).containsExactly("home: Lisbon");
    assertThat(context.text()).doesNotContain("home: Porto");
  }

  @Test
  void should_resolve_conflicting_updates_at_the_same_time_by_timeline_order() {
    // given: two sessions stamped with the same time, stating different values
    remember("a", JAN, "My locker code is 1111.");
    remember("b", JAN, "My locker code is 2222.");

    // when / then: the later one in the timeline wins, whatever the values
    assertThat(engram.facts("alice")).extracting(MemoryItem::text)
        .containsExactly("locker code: 2222");
    assertThat(engram.factHistory("alice", "locker code")).extracting(MemoryItem::text)
        .containsExactly("locker code: 1111", "locker code: 2222");
  }

  @Test
  void should_store_a_late_arriving_older_statement_already_superseded() {
    // given: the March statement is remembered first, then an older January one
    remember("s2", MAR, "I moved to Lisbon.");
    remember("s1", JAN, "I live in Porto.");

    // when / then
    assertThat(engram.facts("alice")).extracting(MemoryItem::text).containsExactly("home: Lisbon");
    MemoryItem porto = engram.factHistory("alice", "home").get(0);
    assertThat(porto.text()).isEqualTo("home: Porto");
    assertThat(porto.lifecycle().validTo()).isEqualTo(MAR);
  }

  @Test
  void should_not_store_a_restated_current_value_again() {
    // given
    remember("s1", JAN, "My dog is called Rex.");
    clock.advance(Duration.ofDays(1));
    remember("s2", MAR, "My dog is called Rex.");

    // when / then
    assertThat(engram.factHistory("alice", "dog")).hasSize(1);
  }

  @Test
  void should_let_an_enricher_add_facts_later_and_audit_them_as_its_actor() {
    // given
    String episode = remember("s1", JAN, "We had a long chat about the garden.").get(0);

    // when
    List<MemoryItem> added = engram.editor("enricher-llm").addFacts("alice",
        List.of(new Fact("favorite plant", "tomatoes", JAN, episode, "the garden chat")),
        "llm extraction");

    // then
    assertThat(added).extracting(MemoryItem::text).containsExactly("favorite plant: tomatoes");
    assertThat(store.get(added.get(0).owner(), episode).orElseThrow().key())
        .contains("favorite plant: tomatoes");
    AuditEvent last = engram.history("alice").get(engram.history("alice").size() - 1);
    assertThat(last.action()).isEqualTo(AuditAction.FACT);
    assertThat(last.actor()).isEqualTo("enricher-llm");
    assertThat(last.reason()).isEqualTo("llm extraction");
  }

  private List<String> remember(String session, Instant at, String userText) {
    return engram.remember("alice", new Session(session, at, List.of(
        Message.user(userText), Message.assistant("I see.")))).addedIds();
  }
}
