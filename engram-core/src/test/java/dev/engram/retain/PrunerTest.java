package dev.engram.retain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
    RetentionPolicy policy = RetentionPolicy.keeping(1);

    // when / then
    assertThat(policy.priority(2.0, 1, 0, Duration.ZERO, 0)).isCloseTo(2.0, within(1e-12));
    assertThat(policy.priority(2.0, 1, 0, Duration.ofDays(30), 0)).isCloseTo(1.0, within(1e-12));
    assertThat(policy.priority(2.0, 1, 0, Duration.ZERO, 1))
        .isCloseTo(2.0 * (1 + 0.5 * Math.log(2)), within(1e-12));
    assertThat(policy.priority(2.0, 0.9, 2, Duration.ZERO, 0)).isCloseTo(2.0 * 0.81, within(1e-12));
    // 10,000 turns of decay still rank (logs do not underflow to ties)
    assertThat(policy.logPriority(2.0, 0.9, 10_000, Duration.ZERO, 0))
        .isLessThan(policy.logPriority(2.0, 0.9, 9_999, Duration.ZERO, 0));
    assertThatThrownBy(() -> new RetentionPolicy(Duration.ZERO, 0.5, TurnDecay.DEFAULT, 1))
        .hasMessageContaining("halfLife");
    assertThatThrownBy(() -> new TurnDecay(0.7, 0, 1)).hasMessageContaining("ordinary");
    assertThatThrownBy(() -> new TurnDecay(1.2, 0.9, 1)).hasMessageContaining("chitChat");
    assertThat(TurnDecay.parse(" 0.7, 0.9 ,1")).isEqualTo(TurnDecay.SIRLLM);
    assertThatThrownBy(() -> TurnDecay.parse("0.7,0.9"))
        .hasMessageContaining("three rates").hasMessageContaining("'0.7,0.9'");
    assertThatThrownBy(() -> TurnDecay.parse("0.7,fast,1"))
        .hasMessageContaining("decay rate 'fast' in '0.7,fast,1' is not a number");
  }

  @Test
  void should_let_small_talk_fade_first_and_keep_standing_instructions() {
    // given: at one age, an instruction, an ordinary round and small talk, then 300 later rounds
    String instruction = remember("rules", T0, "From now on always answer me in Portuguese.")
        .get(0);
    String ordinary = remember("trip", T0.plusSeconds(1),
        "The conference in Lisbon runs from the fourth to the ninth of June.").get(0);
    String smallTalk = remember("hello", T0.plusSeconds(2), "hey thanks, sounds good!").get(0);
    for (int i = 0; i < 300; i++) {
      remember("later-" + i, T0.plus(Duration.ofHours(1 + i)),
          "Notes on project " + i + ": invoices, migration scripts and rollout plan " + i);
    }

    // when: one episode must go
    List<String> one = engram.prune("alice", RetentionPolicy.keeping(302), true);
    // and with the research rates (0.7 / 0.9 / 1.0) nearly everything old goes, but not the rule
    List<String> sirllm = engram.prune("alice",
        RetentionPolicy.keeping(100).withDecay(TurnDecay.SIRLLM), true);

    // then
    assertThat(one).containsExactly(smallTalk);
    assertThat(sirllm).contains(smallTalk, ordinary).doesNotContain(instruction);
  }

  @Test
  void should_classify_turns_by_the_users_words() {
    assertThat(TurnKind.of("user: hi! how are you?\nassistant: Great, and you?"))
        .isEqualTo(TurnKind.CHIT_CHAT);
    assertThat(TurnKind.of("user: ok\nassistant: Noted, the budget is 12,000 euros."))
        .isEqualTo(TurnKind.CHIT_CHAT);
    assertThat(TurnKind.of("user: Please call me Sam from now on.\nassistant: Will do."))
        .isEqualTo(TurnKind.INSTRUCTION);
    assertThat(TurnKind.of("user: Thanks! My flight lands at 7 and I need a taxi to Alfama."))
        .isEqualTo(TurnKind.ORDINARY);
    assertThat(TurnKind.of("user: I never went to Paris, but I loved the photos of the Seine."))
        .isEqualTo(TurnKind.ORDINARY);
    assertThat(TurnKind.of("user: Got it. Never book me a flight before 8 am."))
        .isEqualTo(TurnKind.INSTRUCTION);
    assertThat(TurnKind.of("A page of a document that says hello and thanks."))
        .isEqualTo(TurnKind.ORDINARY);
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
