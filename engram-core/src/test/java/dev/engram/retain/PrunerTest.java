package dev.engram.retain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.Engram;
import dev.engram.MutableClock;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.model.Tier;
import dev.engram.read.RecallRequest;
import dev.engram.store.AuditAction;
import dev.engram.store.InMemoryMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pruning moves low-priority episodes to the cold tier; pinned and fact-backed ones stay. */
class PrunerTest {
  private static final Instant T0 = Instant.parse("2023-01-01T10:00:00Z");
  private final HashingEmbedder embedder = new HashingEmbedder(256);
  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryMemoryStore store = new InMemoryMemoryStore(embedder.info());
  private final Engram engram = Engram.builder().store(store).embedder(embedder).clock(clock)
      .build();

  @AfterEach
  void close() {
    engram.close();
  }

  @Test
  void should_prune_old_low_priority_episodes_but_never_pinned_or_fact_backed_ones() {
    // given: an old fact-backed episode, an old pinned one, then 20 recent chit-chat rounds
    String backed = remember("old-fact", T0, "My passport number is X1234567.").get(0);
    String pinned = remember("old-pin", T0.plusSeconds(60), "Grandma's soup recipe uses "
        + "smoked paprika.").get(0);
    engram.pin("alice", List.of(pinned), true);
    List<String> chat = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      chat.addAll(remember("chat-" + i, T0.plus(Duration.ofDays(200 + i)),
          "ok sounds good see you later then " + i));
    }
    clock.advance(Duration.ofDays(230));

    // when
    List<String> pruned = engram.prune("alice", RetentionPolicy.keeping(10), false);

    // then
    assertThat(pruned).hasSize(12).doesNotContain(backed, pinned);
    SubjectRef alice = SubjectRef.of("alice");
    for (String id : pruned) {
      MemoryItem item = store.get(alice, id).orElseThrow();
      assertThat(item.lifecycle().tier()).isEqualTo(Tier.COLD);
    }
    assertThat(engram.recall("alice", RecallRequest.of("ok sounds good see you later")
        .withBudget(60)).memoryItems()).extracting(MemoryItem::id).doesNotContainAnyElementsOf(
        pruned);
    assertThat(engram.stats("alice").items()).as("cold items still count").isEqualTo(22);
    assertThat(engram.history("alice").get(engram.history("alice").size() - 1).action())
        .isEqualTo(AuditAction.PRUNE);
  }

  @Test
  void should_prune_nothing_in_a_dry_run_or_under_the_cap_and_undo_on_rollback() {
    // given
    for (int i = 0; i < 5; i++) {
      remember("s" + i, T0.plusSeconds(i), "a round about topic " + i);
    }
    long version = engram.history("alice").size();

    // when
    List<String> dry = engram.prune("alice", RetentionPolicy.keeping(2), true);
    List<String> none = engram.prune("alice", RetentionPolicy.keeping(10), false);
    List<String> real = engram.prune("alice", RetentionPolicy.keeping(2), false);
    engram.rollback("alice", version, "undo prune");

    // then
    assertThat(dry).hasSize(3);
    assertThat(none).isEmpty();
    assertThat(real).isEqualTo(dry);
    assertThat(real).allMatch(id -> store.get(SubjectRef.of("alice"), id).orElseThrow()
        .lifecycle().tier() == Tier.HOT);
  }

  @Test
  void should_rank_by_salience_age_and_use_as_research_f3_says() {
    // given
    RetentionPolicy policy = new RetentionPolicy(Duration.ofDays(30), 0.5, 1.0, 1);

    // when / then
    assertThat(policy.priority(2.0, 0, Duration.ZERO, 0)).isEqualTo(2.0);
    assertThat(policy.priority(2.0, 0, Duration.ofDays(30), 0)).isEqualTo(1.0);
    assertThat(policy.priority(2.0, 0, Duration.ZERO, 1)).isEqualTo(2.0 * (1 + 0.5 * Math.log(2)));
    assertThatThrownBy(() -> new RetentionPolicy(Duration.ZERO, 0.5, 1.0, 1))
        .hasMessageContaining("halfLife");
  }

  @Test
  void should_keep_an_old_episode_that_recall_keeps_using() {
    // given: the same six chit-chat rounds for two subjects; only alice keeps recalling the oldest
    String[] words = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot"};
    List<String> alice = new ArrayList<>();
    List<String> bob = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      Instant at = T0.plus(Duration.ofDays(i));
      alice.addAll(remember("alice", "s" + i, at, chitChat(words[i])));
      bob.addAll(remember("bob", "s" + i, at, chitChat(words[i])));
    }
    clock.advance(Duration.ofDays(90));
    for (int i = 0; i < 5; i++) {
      engram.recall("alice", RecallRequest.of("alpha").withBudget(50));
    }

    // when
    List<String> alicePruned = engram.prune("alice", RetentionPolicy.keeping(3), false);
    List<String> bobPruned = engram.prune("bob", RetentionPolicy.keeping(3), false);

    // then: the oldest round goes for bob, but recall reinforced it for alice
    assertThat(bobPruned).contains(bob.get(0));
    assertThat(alicePruned).hasSize(3).doesNotContain(alice.get(0));
    assertThat(store.get(SubjectRef.of("alice"), alice.get(0)).orElseThrow().lifecycle()
        .accessCount()).isEqualTo(5);
  }

  private static String chitChat(String word) {
    return "ok sounds good, see you later " + word + ", and thanks again for all the help with "
        + "the garden this week";
  }

  private List<String> remember(String session, Instant at, String userText) {
    return remember("alice", session, at, userText);
  }

  private List<String> remember(String subject, String session, Instant at, String userText) {
    return engram.remember(subject, new Session(session, at, List.of(
        Message.user(userText), Message.assistant("Sure.")))).addedIds();
  }
}
