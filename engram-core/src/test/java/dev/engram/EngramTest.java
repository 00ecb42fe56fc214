package dev.engram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.embed.HashingEmbedder;
import dev.engram.model.Document;
import dev.engram.model.Message;
import dev.engram.model.Session;
import dev.engram.read.Context;
import dev.engram.read.Explanation;
import dev.engram.read.PackOrder;
import dev.engram.read.PackedItem;
import dev.engram.read.RecallRequest;
import dev.engram.reader.Answer;
import dev.engram.store.InMemoryMemoryStore;
import dev.engram.write.RememberResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EngramTest {
  private static final Instant START = Instant.parse("2024-03-01T09:00:00Z");

  private final HashingEmbedder embedder = new HashingEmbedder(256);
  private final MutableClock clock = new MutableClock(START);
  private InMemoryMemoryStore store;
  private Engram engram;

  @BeforeEach
  void open() {
    store = new InMemoryMemoryStore(embedder.info());
    engram = Engram.builder().store(store).embedder(embedder).clock(clock).build();
  }

  @AfterEach
  void close() {
    engram.close();
    store.close();
  }

  @Test
  void should_pack_the_whole_memory_in_order_when_it_fits_the_budget() {
    // given
    engram.remember("alice", "s1", List.of(
        Message.user("I started learning the cello."), Message.assistant("Great choice!"),
        Message.user("My teacher is called Ingrid."), Message.assistant("Say hi to Ingrid.")));

    // when
    Context context = engram.recall("alice", "Who teaches me?");

    // then
    assertThat(context.mode()).isEqualTo(Context.Mode.WHOLE_MEMORY);
    assertThat(context.memoryItems()).extracting(i -> i.sessionSeq()).containsExactly(0L, 1L);
    assertThat(context.text()).startsWith("[1] 2024-03-01 09:00 · s1 · #1\nuser: I started");
    assertThat(context.tokens()).isLessThanOrEqualTo(context.budget());
  }

  @Test
  void should_retrieve_the_relevant_round_when_memory_exceeds_the_budget() {
    // given
    rememberFiller(40);
    RememberResult target = engram.remember("alice", "pets", List.of(
        Message.user("My parrot Kiwi learned to whistle the anthem."),
        Message.assistant("Kiwi sounds talented.")));

    // when
    Context context = engram.recall("alice", RecallRequest.of("what did my parrot Kiwi learn")
        .withBudget(300));

    // then
    assertThat(context.mode()).isEqualTo(Context.Mode.RETRIEVAL);
    assertThat(context.tokens()).isLessThanOrEqualTo(300);
    assertThat(context.items()).extracting(p -> p.item().id()).contains(target.addedIds().get(0));
    assertThat(context.items().stream()
        .filter(p -> p.reason() == dev.engram.read.PackedItem.Reason.HIT).findFirst().orElseThrow()
        .item().id()).as("the best hit leads the evidence, after the compact block")
        .isEqualTo(target.addedIds().get(0));
    Explanation why = context.explain(target.addedIds().get(0));
    assertThat(why.fate()).isEqualTo(Explanation.Fate.PACKED);
    assertThat(why.candidate().rank()).isEqualTo(1);
    assertThat(why.detail()).contains("fused rank 1").contains("BM25 rank 1");
  }

  @Test
  void should_place_the_best_hits_at_both_edges() {
    // given
    rememberFiller(40);

    // when
    Context context = engram.recall("alice", RecallRequest.of("hobby number 7 gardening")
        .withBudget(400).withNeighbours(false));

    // then
    List<PackedItem> items = context.items();
    assertThat(items.size()).isGreaterThanOrEqualTo(3);
    assertThat(items.get(0).rank()).isEqualTo(1);
    assertThat(items.get(items.size() - 1).rank()).isEqualTo(2);
    assertThat(items.get(1).rank()).isEqualTo(3);
  }

  @Test
  void should_order_chronologically_on_request() {
    rememberFiller(40);

    Context context = engram.recall("alice", RecallRequest.of("hobby gardening")
        .withBudget(400).withOrder(PackOrder.CHRONOLOGICAL));

    List<Long> seqs = context.memoryItems().stream().map(i -> i.subjectSeq()).toList();
    assertThat(seqs).isSorted();
  }

  @Test
  void should_fill_left_over_budget_with_neighbouring_rounds() {
    // given
    rememberFiller(80);

    // when
    Context context = engram.recall("alice",
        RecallRequest.of("hobby number 17 gardening").withBudget(2000).withCandidates(3));

    // then
    assertThat(context.items()).anySatisfy(p -> {
      assertThat(p.reason()).isEqualTo(PackedItem.Reason.NEIGHBOUR);
      assertThat(context.explain(p.item().id()).fate())
          .isEqualTo(Explanation.Fate.PACKED_AS_NEIGHBOUR);
    });
    assertThat(context.tokens()).isLessThanOrEqualTo(2000);
  }

  @Test
  void should_skip_exact_duplicates_within_a_session_but_not_across_sessions() {
    List<Message> turns = List.of(Message.user("I live in Lisbon."), Message.assistant("Nice."));

    RememberResult first = engram.remember("alice", "s1", turns);
    RememberResult again = engram.remember("alice", "s1", turns);
    RememberResult elsewhere = engram.remember("alice", "s2", turns);

    assertThat(first.added()).isEqualTo(1);
    assertThat(again.added()).isZero();
    assertThat(again.skippedDuplicates()).isEqualTo(1);
    assertThat(elsewhere.added()).isEqualTo(1);
    assertThat(engram.stats("alice").items()).isEqualTo(2);
  }

  @Test
  void should_number_items_in_session_and_timeline_order_and_stamp_times() {
    engram.remember("alice", "s1", List.of(Message.user("one"), Message.user("two")));
    clock.advance(Duration.ofHours(1));
    engram.remember("alice", "s2", List.of(Message.user("three")));
    engram.remember("alice", "s1", List.of(Message.user("four")));

    var timeline = store.timeline(new dev.engram.model.SubjectRef("default", "alice"), 0, 10);

    assertThat(timeline).extracting(i -> i.session() + "/" + i.sessionSeq() + "/" + i.subjectSeq())
        .containsExactly("s1/0/0", "s1/1/1", "s2/0/2", "s1/2/3");
    assertThat(timeline.get(2).ingestTime()).isEqualTo(START.plus(Duration.ofHours(1)));
    assertThat(timeline.get(0).eventTime()).isEqualTo(START);
  }

  @Test
  void should_answer_with_a_cited_sentence_from_memory() {
    // given
    rememberFiller(30);
    RememberResult fact = engram.remember("alice", new Session("trip", null, List.of(
        Message.user("I booked the flight to Reykjavik for the fourteenth of June."),
        Message.assistant("Enjoy Iceland!"))));

    // when
    Answer answer = engram.ask("alice", "When is my flight to Reykjavik?");

    // then
    assertThat(answer.abstained()).isFalse();
    assertThat(answer.text()).contains("fourteenth of June");
    assertThat(answer.citations().get(0).itemId()).isEqualTo(fact.addedIds().get(0));
    assertThat(answer.producedBy()).isEqualTo("extractive");
  }

  @Test
  void should_abstain_when_memory_does_not_hold_the_answer() {
    rememberFiller(30);

    Answer answer = engram.ask("alice", "What is the capital of Mongolia?");

    assertThat(answer.abstained()).isTrue();
    assertThat(answer.text()).isEqualTo(Answer.NOT_IN_MEMORY);
    assertThat(answer.citations()).isEmpty();
  }

  @Test
  void should_return_an_empty_context_for_a_subject_without_memory() {
    Context context = engram.recall("nobody", "anything at all");

    assertThat(context.mode()).isEqualTo(Context.Mode.EMPTY);
    assertThat(engram.ask("nobody", "anything at all").abstained()).isTrue();
  }

  @Test
  void should_remember_documents_as_pages_and_recall_them() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append("Chapter ").append(i).append(" describes the harbour at dawn. ");
    }
    text.append("The harbour master keeps a blue lantern in the north tower. ");
    for (int i = 40; i < 80; i++) {
      text.append("Chapter ").append(i).append(" describes the harbour at dusk. ");
    }

    RememberResult pages = engram.remember("alice", new Document("harbour.txt", text.toString(), null));
    Answer answer = engram.ask("alice", "Where does the harbour master keep the blue lantern?");

    assertThat(pages.added()).isGreaterThan(3);
    assertThat(answer.text()).contains("north tower");
    assertThat(answer.citations().get(0).sourceIds().get(0)).startsWith("harbour.txt#p");
  }

  @Test
  void should_forget_by_item_session_and_subject() {
    RememberResult a = engram.remember("alice", "s1", List.of(Message.user("alpha fact")));
    engram.remember("alice", "s2", List.of(Message.user("beta fact"), Message.user("gamma fact")));
    engram.remember("bob", "s1", List.of(Message.user("bob fact")));

    assertThat(engram.forgetItems("alice", a.addedIds())).isEqualTo(1);
    assertThat(engram.forgetItems("alice", a.addedIds())).isZero();
    assertThat(engram.forgetSession("alice", "s2")).isEqualTo(2);
    assertThat(engram.stats("alice").items()).isZero();
    assertThat(engram.forgetSubject("bob")).isEqualTo(1);
    assertThat(engram.subjects()).isEmpty();
  }

  @Test
  void should_never_recall_across_subjects_or_tenants() {
    // given
    engram.remember("alice", "s1", List.of(Message.user("My locker code is 4471.")));
    Engram other = Engram.builder().store(store).embedder(embedder).tenant("acme").build();
    other.remember("alice", "s1", List.of(Message.user("Acme alice's locker code is 9902.")));

    // when
    Context bob = engram.recall("bob", "locker code");
    Context acmeAlice = other.recall("alice", "locker code");

    // then
    assertThat(bob.items()).isEmpty();
    assertThat(acmeAlice.text()).contains("9902").doesNotContain("4471");
    assertThat(other.subjects()).containsExactly("alice");
  }

  @Test
  void should_reject_bad_input_with_messages_that_name_it() {
    assertThatThrownBy(() -> engram.remember(" ", "s1", List.of(Message.user("x"))))
        .hasMessage("subject must not be blank");
    assertThatThrownBy(() -> Message.user(""))
        .hasMessage("content must not be blank");
    assertThatThrownBy(() -> Message.user("x".repeat(Message.MAX_CHARS + 1)))
        .hasMessageStartingWith("content must be at most 1048576 characters");
    assertThatThrownBy(() -> engram.recall("alice", RecallRequest.of("q").withBudget(10)))
        .hasMessage("budget must be in [50, 1000000], was 10");
    assertThatThrownBy(() -> engram.remember("alice", "s1", List.of()))
        .hasMessage("messages must not be empty for session 's1'");
    assertThat(engram.stats("alice").items()).isZero();
  }

  @Test
  void should_require_a_store_or_a_data_directory() {
    assertThatThrownBy(() -> Engram.builder().embedder(embedder).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("either store(...) or dataDir(...) must be set");
  }

  private void rememberFiller(int rounds) {
    List<Message> turns = new ArrayList<>();
    String[] hobbies = {"gardening", "chess", "running", "baking", "painting"};
    for (int i = 0; i < rounds; i++) {
      turns.add(Message.user("Let me tell you about hobby number " + i + ": "
          + hobbies[i % hobbies.length] + " on weekday afternoons with my neighbours."));
      turns.add(Message.assistant("That sounds like a fine way to spend time, number " + i + "."));
    }
    engram.remember("alice", "filler", turns);
  }
}
