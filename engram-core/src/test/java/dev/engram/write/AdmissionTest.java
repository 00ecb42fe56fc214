package dev.engram.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.Engram;
import dev.engram.MutableClock;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.Document;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.model.Tier;
import dev.engram.store.AuditAction;
import dev.engram.store.AuditEvent;
import dev.engram.store.InMemoryMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Novelty-gated admission (research.md F4): near-repeats are stored verbatim but cold, count as a
 * hit on what they repeat, and are audited; facts, documents and pins always get in.
 */
class AdmissionTest {
  private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");
  private static final SubjectRef ALICE = SubjectRef.of("alice");
  private static final String REPEAT = "Good morning! Same as yesterday, nothing new to report.";

  private final HashingEmbedder embedder = new HashingEmbedder(256);
  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryMemoryStore store = new InMemoryMemoryStore(embedder.info());
  private Engram engram;

  @AfterEach
  void close() {
    if (engram != null) {
      engram.close();
    }
  }

  @Test
  void should_keep_repeats_cold_once_the_novelty_momentum_falls_below_the_threshold() {
    // given: the default policy (threshold 0.05, momentum 0.5) and one round said 7 times, each
    // in its own session. Momentum: 1 (first, no neighbour), then 0.5, 0.25, 0.125, 0.0625 (still
    // admitted), then 0.031 and 0.016 (below 0.05: merged)
    engram = open(AdmissionPolicy.DEFAULT);
    List<RememberResult> results = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      results.add(say("day-" + i, REPEAT));
    }

    // then
    String first = results.get(0).addedIds().get(0);
    for (int i = 0; i < 5; i++) {
      assertThat(results.get(i).mergedIds()).as("repeat %d", i).isEmpty();
    }
    List<String> merged = List.of(results.get(5).addedIds().get(0),
        results.get(6).addedIds().get(0));
    assertThat(results.get(5).mergedIds()).containsExactly(merged.get(0));
    assertThat(results.get(6).mergedIds()).containsExactly(merged.get(1));
    for (String id : merged) {
      MemoryItem item = store.get(ALICE, id).orElseThrow();
      assertThat(item.lifecycle().tier()).isEqualTo(Tier.COLD);
      assertThat(item.text()).contains(REPEAT); // verbatim, nothing lost
    }
    assertThat(engram.recall("alice", "nothing new to report").memoryItems())
        .extracting(MemoryItem::id).doesNotContainAnyElementsOf(merged);
    // each merge is a hit on the nearest hot episode, and is audited with it as the cause
    List<AuditEvent> merges = engram.history("alice").stream()
        .filter(e -> e.action() == AuditAction.MERGE).toList();
    assertThat(merges).hasSize(2);
    assertThat(merges.get(0).itemIds()).containsExactly(merged.get(0));
    String target = merges.get(0).causeIds().get(0);
    assertThat(store.get(ALICE, target).orElseThrow().lifecycle().tier()).isEqualTo(Tier.HOT);
    long hits = merges.stream().filter(e -> e.causeIds().contains(target)).count();
    assertThat(store.get(ALICE, target).orElseThrow().lifecycle().accessCount())
        .isGreaterThanOrEqualTo(hits);
    assertThat(merges.get(0).reason()).contains("below 0.050");
    assertThat(first).isNotIn(merged);
  }

  @Test
  void should_merge_an_exact_repeat_at_once_without_momentum() {
    engram = open(new AdmissionPolicy(0.05, 0));

    String original = say("monday", REPEAT).addedIds().get(0);
    RememberResult again = say("tuesday", REPEAT);
    RememberResult other = say("wednesday", "My sister Ana is visiting from Porto next week.");

    assertThat(again.mergedIds()).containsExactlyElementsOf(again.addedIds());
    assertThat(other.mergedIds()).isEmpty();
    assertThat(store.get(ALICE, original).orElseThrow().lifecycle().accessCount()).isEqualTo(1);
  }

  @Test
  void should_admit_a_repeat_that_states_a_fact_and_every_document_page() {
    engram = open(new AdmissionPolicy(0.05, 0));
    String fact = "My favourite colour is green.";
    say("monday", fact);

    RememberResult repeatedFact = say("tuesday", fact);
    Document doc = new Document("notes", REPEAT, T0);
    engram.remember("alice", doc);
    RememberResult repeatedDoc = engram.remember("alice", new Document("notes-copy", REPEAT, T0));

    assertThat(repeatedFact.mergedIds()).isEmpty();
    assertThat(repeatedDoc.mergedIds()).isEmpty();
    assertThat(store.get(ALICE, repeatedDoc.addedIds().get(0)).orElseThrow().lifecycle().tier())
        .isEqualTo(Tier.HOT);
  }

  @Test
  void should_admit_everything_when_the_gate_is_off() {
    engram = open(AdmissionPolicy.ADMIT_ALL);
    for (int i = 0; i < 8; i++) {
      assertThat(say("day-" + i, REPEAT).mergedIds()).isEmpty();
    }
    assertThat(engram.history("alice")).noneMatch(e -> e.action() == AuditAction.MERGE);
  }

  @Test
  void should_bring_a_merged_round_back_to_the_hot_tier_when_pinned() {
    engram = open(new AdmissionPolicy(0.05, 0));
    say("monday", REPEAT);
    String merged = say("tuesday", REPEAT).mergedIds().get(0);

    engram.pin("alice", List.of(merged), true);

    MemoryItem item = store.get(ALICE, merged).orElseThrow();
    assertThat(item.lifecycle().tier()).isEqualTo(Tier.HOT);
    assertThat(item.lifecycle().pinned()).isTrue();
  }

  @Test
  void should_forget_merged_rounds_like_any_other() {
    engram = open(new AdmissionPolicy(0.05, 0));
    say("monday", REPEAT);
    String merged = say("tuesday", REPEAT).mergedIds().get(0);

    assertThat(engram.forgetSession("alice", "tuesday")).isEqualTo(1);

    assertThat(store.get(ALICE, merged)).isEmpty();
  }

  @Test
  void should_refuse_a_policy_out_of_range_naming_the_argument() {
    assertThatThrownBy(() -> new AdmissionPolicy(1.5, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
    assertThatThrownBy(() -> new AdmissionPolicy(0.1, 1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("momentum");
    assertThatThrownBy(() -> new AdmissionPolicy(Double.NaN, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
    assertThatThrownBy(() -> Engram.builder().admission(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("admission");
  }

  private Engram open(AdmissionPolicy policy) {
    return Engram.builder().store(store).embedder(embedder).clock(clock).admission(policy).build();
  }

  private RememberResult say(String session, String text) {
    clock.advance(Duration.ofHours(1));
    return engram.remember("alice", new Session(session, clock.instant(), List.of(
        Message.user(text))));
  }
}
