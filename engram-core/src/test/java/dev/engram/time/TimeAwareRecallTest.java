package dev.engram.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.MutableClock;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Session;
import dev.engram.read.Candidate;
import dev.engram.read.Context;
import dev.engram.read.RecallPipeline;
import dev.engram.read.RecallRequest;
import dev.engram.model.SubjectRef;
import dev.engram.store.InMemoryMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Time expressions in questions boost the items of the range they name. */
class TimeAwareRecallTest {
  private static final Instant MONDAY = Instant.parse("2024-05-06T18:00:00Z");
  private static final Instant ASKED = Instant.parse("2024-05-16T12:00:00Z"); // a Thursday
  private final HashingEmbedder embedder = new HashingEmbedder(256);
  private final MutableClock clock = new MutableClock(ASKED);
  private final InMemoryMemoryStore store = new InMemoryMemoryStore(embedder.info());
  private Engram engram;

  @BeforeEach
  void remember() {
    engram = Engram.builder().store(store).embedder(embedder).clock(clock).build();
    // a dinner every day for three weeks; the one on Tuesday 14 May was at "Tasca"
    for (int day = 0; day < 21; day++) {
      Instant at = MONDAY.plus(Duration.ofDays(day - 7));
      String place = day == 15 ? "Tasca do Chico" : "place number " + day;
      engram.remember("alice", new Session("d" + day, at, List.of(
          Message.user("We had dinner at " + place + " tonight, the food was good."),
          Message.assistant("Sounds lovely."))));
    }
  }

  @AfterEach
  void close() {
    engram.close();
  }

  @Test
  void should_rank_the_dinner_of_the_day_the_question_names_first() {
    // when
    List<Candidate> timed = new RecallPipeline(store, embedder, clock).candidates(
        SubjectRef.of("alice"), RecallRequest.of("where did we have dinner last Tuesday?"));

    // then
    assertThat(timed.get(0).item().text()).contains("Tasca do Chico");
  }

  @Test
  void should_read_relative_time_against_the_question_time_not_the_clock() {
    // when: asked a week earlier, "yesterday" is 8 May
    RecallRequest request = RecallRequest.of("where was dinner yesterday?")
        .withQuestionTime(Instant.parse("2024-05-09T12:00:00Z")).withBudget(300);
    List<Candidate> ranked = new RecallPipeline(store, embedder, clock)
        .candidates(SubjectRef.of("alice"), request);
    Context context = engram.recall("alice", request);

    // then
    Instant may8 = MONDAY.plus(Duration.ofDays(2));
    assertThat(ranked.get(0).item().eventTime()).isEqualTo(may8);
    assertThat(context.memoryItems()).extracting(MemoryItem::eventTime).contains(may8);
  }

  @Test
  void should_pack_temporal_questions_in_time_order_with_dates() {
    // when
    Context context = engram.recall("alice",
        RecallRequest.of("when did we have dinner at a place?").withBudget(400));

    // then
    List<Instant> times = context.memoryItems().stream().filter(i -> i.kind() == ItemKind.EPISODE)
        .map(MemoryItem::eventTime).toList();
    assertThat(times).hasSizeGreaterThan(1).isSorted();
    assertThat(context.text()).contains("2024-05-");
  }

  @Test
  void should_never_fail_on_an_unreadable_time() {
    // when
    Context context = engram.recall("alice", "dinner in 99999 or on the 45th of Smarch");

    // then
    assertThat(context.memoryItems()).isNotEmpty();
  }
}
