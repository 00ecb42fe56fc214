package dev.engram.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.MutableClock;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.Lifecycle;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Session;
import dev.engram.read.Context;
import dev.engram.read.PackedItem;
import dev.engram.read.RecallRequest;
import dev.engram.store.InMemoryMemoryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Level-1 summaries per session, a level-2 summary every N turns, packed first within a share. */
class CompactMemoryTest {
  private static final Instant T0 = Instant.parse("2024-02-01T10:00:00Z");
  private final HashingEmbedder embedder = new HashingEmbedder(256);
  private final InMemoryMemoryStore store = new InMemoryMemoryStore(embedder.info());
  private final Engram engram = Engram.builder().store(store).embedder(embedder)
      .clock(new MutableClock(T0)).summaryEveryTurns(10).build();

  @AfterEach
  void close() {
    engram.close();
  }

  @Test
  void should_keep_a_capped_extractive_summary_per_session_and_one_per_subject_every_n_turns() {
    // given: 4 sessions of 3 rounds = 12 episodes, N = 10
    for (int s = 0; s < 4; s++) {
      engram.remember("alice", session(s));
    }

    // when
    List<MemoryItem> summaries = engram.summaries("alice");

    // then
    assertThat(summaries).hasSize(5);
    MemoryItem level2 = summaries.get(0);
    assertThat(level2.lifecycle().attribute()).isEqualTo(Lifecycle.LEVEL_SUBJECT);
    assertThat(level2.tokens()).isLessThanOrEqualTo(CompactMemory.LEVEL2_TOKENS);
    assertThat(level2.sessionSeq()).as("built by the remember that crossed N, covering all 12")
        .isEqualTo(11);
    for (MemoryItem level1 : summaries.subList(1, 5)) {
      assertThat(level1.lifecycle().attribute()).isEqualTo(Lifecycle.LEVEL_SESSION);
      assertThat(level1.tokens()).isLessThanOrEqualTo(CompactMemory.LEVEL1_TOKENS);
      String session = level1.sourceIds().get(0);
      assertThat(store.sessionRange(level1.owner(), session, 0, 10))
          .anyMatch(e -> e.text().contains(firstSentence(level1.text())));
    }
    assertThat(engram.stats("alice").items()).as("summaries are not episodes").isEqualTo(12);
  }

  @Test
  void should_pack_summaries_first_within_their_share_of_the_budget() {
    // given
    for (int s = 0; s < 12; s++) {
      engram.remember("alice", session(s));
    }

    // when
    Context context = engram.recall("alice",
        RecallRequest.of("what did we say about the lighthouse trip?").withBudget(600)
            .withCompactShare(0.2));

    // then
    List<PackedItem> compact = new ArrayList<>();
    for (PackedItem item : context.items()) {
      if (item.reason() == PackedItem.Reason.SUMMARY || item.reason() == PackedItem.Reason.FACT) {
        compact.add(item);
      } else {
        break;
      }
    }
    assertThat(compact).isNotEmpty();
    List<String> hitSessions = context.items().stream()
        .filter(i -> i.reason() == PackedItem.Reason.HIT).map(i -> i.item().session()).toList();
    assertThat(compact).filteredOn(i -> i.reason() == PackedItem.Reason.SUMMARY)
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.item().sourceIds()).isNotEmpty()
            .allMatch(hitSessions::contains));
    assertThat(compact.stream().mapToInt(PackedItem::tokens).sum())
        .isLessThanOrEqualTo(120);
    assertThat(context.items().subList(compact.size(), context.items().size()))
        .noneMatch(i -> i.reason() == PackedItem.Reason.SUMMARY);
    assertThat(context.mode()).isEqualTo(Context.Mode.RETRIEVAL);
    assertThat(context.tokens()).isLessThanOrEqualTo(600);
    assertThat(engram.recall("alice", RecallRequest.of("lighthouse trip").withBudget(600)
        .withCompactShare(0)).items()).noneMatch(i -> i.reason() == PackedItem.Reason.SUMMARY);
  }

  @Test
  void should_let_an_enricher_replace_a_summary_and_audit_it_as_its_actor() {
    // given
    engram.remember("alice", session(0));

    // when
    String id = engram.editor("enricher-llm").replaceSummary("alice", "s0",
        "They planned a lighthouse trip with the kids.", "abstractive summary");

    // then
    assertThat(engram.summaries("alice")).filteredOn(s -> s.id().equals(id))
        .extracting(MemoryItem::text).containsExactly("They planned a lighthouse trip with the kids.");
    var last = engram.history("alice").get(engram.history("alice").size() - 1);
    assertThat(last.actor()).isEqualTo("enricher-llm");
    assertThat(last.itemIds()).containsExactly(id);
  }

  private static Session session(int s) {
    List<Message> turns = new ArrayList<>();
    turns.add(Message.user("In session " + s + " we planned the lighthouse trip number " + s
        + " with the kids."));
    turns.add(Message.assistant("The lighthouse sounds like a wonderful outing for everyone."));
    turns.add(Message.user("We need sandwiches, water bottles and warm jackets for the wind."));
    turns.add(Message.assistant("Pack extra socks too, the coast gets cold in the evening."));
    turns.add(Message.user("The ferry leaves at nine, so we must wake up early on Saturday."));
    turns.add(Message.assistant("Set two alarms so nobody misses the boat."));
    return new Session("s" + s, T0.plusSeconds(86_400L * s), turns);
  }

  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text.substring(0, Math.min(30, text.length())) : text.substring(0, end);
  }
}
