package dev.engram.forget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.MutableClock;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.store.AuditAction;
import dev.engram.store.AuditEvent;
import dev.engram.store.InMemoryMemoryStore;
import dev.engram.store.ItemFilter;
import dev.engram.store.TimeRange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Forgetting by time range and query, with its derived facts and summaries. */
class ForgettingTest {
  private static final String MARKER = "zqxmarkerjv";
  private static final Instant APRIL = Instant.parse("2024-04-02T10:00:00Z");
  private static final Instant MAY = Instant.parse("2024-05-02T10:00:00Z");
  private static final SubjectRef ALICE = SubjectRef.of("alice");
  private final HashingEmbedder embedder = new HashingEmbedder(256);
  private final InMemoryMemoryStore store = new InMemoryMemoryStore(embedder.info());
  private Engram engram;

  @BeforeEach
  void remember() {
    engram = Engram.builder().store(store).embedder(embedder)
        .clock(new MutableClock(Instant.parse("2024-06-01T00:00:00Z"))).build();
    engram.remember("alice", new Session("april", APRIL, List.of(
        Message.user("My alarm code is " + MARKER + " and the spare key is under the mat."),
        Message.assistant("Got it, I will remember the alarm code."),
        Message.user("We also planted tomatoes in the garden this weekend."),
        Message.assistant("Tomatoes love sunny spots."))));
    engram.remember("alice", new Session("may", MAY, List.of(
        Message.user("I started a pottery class on Thursdays, it is very relaxing."),
        Message.assistant("Pottery is a great hobby."))));
  }

  @AfterEach
  void close() {
    engram.close();
  }

  @Test
  void should_list_what_a_dry_run_would_forget_and_change_nothing() {
    // given
    long events = engram.history("alice").size();

    // when
    ForgetReport report = engram.forget("alice",
        ForgetSelector.where(TimeRange.ALL, "alarm code"), true, "");

    // then
    assertThat(report.dryRun()).isTrue();
    assertThat(report.episodeIds()).hasSize(1);
    assertThat(report.factIds()).hasSize(1);
    assertThat(report.previews().get(0)).startsWith("user: My alarm code is");
    assertThat(engram.stats("alice").items()).isEqualTo(3);
    assertThat(engram.history("alice")).hasSize((int) events);
  }

  @Test
  void should_forget_matching_episodes_with_their_facts_and_rebuild_summaries() {
    // given
    assertThat(allText()).contains(MARKER);

    // when
    ForgetReport report = engram.forget("alice",
        ForgetSelector.where(TimeRange.ALL, "alarm code"), false, "user asked");

    // then
    assertThat(report.episodeIds()).hasSize(1);
    assertThat(report.factIds()).hasSize(1);
    assertThat(report.summaryIds()).isNotEmpty();
    assertThat(allText()).doesNotContain(MARKER);
    assertThat(engram.summaries("alice")).extracting(MemoryItem::text)
        .anyMatch(text -> text.contains("tomatoes"));
    assertThat(engram.facts("alice")).noneMatch(f -> f.text().contains(MARKER));
    AuditEvent event = engram.history("alice").get(engram.history("alice").size() - 1);
    assertThat(event.action()).isEqualTo(AuditAction.FORGET);
    assertThat(event.itemIds()).containsAll(report.episodeIds()).containsAll(report.factIds());
    assertThat(event.toString()).doesNotContain(MARKER).doesNotContain("alarm");
    assertThat(event.reason()).startsWith("user asked");
  }

  @Test
  void should_forget_by_time_range() {
    // when
    ForgetReport report = engram.forget("alice", ForgetSelector.where(
        new TimeRange(Instant.parse("2024-05-01T00:00:00Z"), null), null), false, "");

    // then
    assertThat(report.episodeIds()).hasSize(1);
    assertThat(allText()).doesNotContain("pottery").contains("tomatoes");
    assertThat(engram.summaries("alice")).noneMatch(s -> s.text().contains("pottery"));
  }

  @Test
  void should_say_when_there_is_nothing_to_forget_and_change_nothing() {
    // given
    int events = engram.history("alice").size();

    // when
    ForgetReport byQuery = engram.forget("alice",
        ForgetSelector.where(TimeRange.ALL, "submarine"), false, "");
    ForgetReport byRange = engram.forget("alice", ForgetSelector.where(
        new TimeRange(Instant.parse("2020-01-01T00:00:00Z"), APRIL.minusSeconds(60)), null),
        false, "");
    int byId = engram.forgetItems("alice", List.of("no-such-id"));

    // then
    assertThat(byQuery.nothing()).isTrue();
    assertThat(byRange.nothing()).isTrue();
    assertThat(byId).isZero();
    assertThat(engram.stats("alice").items()).isEqualTo(3);
    assertThat(engram.history("alice")).hasSize(events);
  }

  @Test
  void should_reopen_the_older_fact_when_the_newer_one_is_forgotten() {
    // given
    engram.remember("alice", new Session("june", Instant.parse("2024-05-20T10:00:00Z"), List.of(
        Message.user("Actually, new plan: my alarm code is 5555 now."),
        Message.assistant("Updated."))));
    assertThat(engram.facts("alice")).extracting(MemoryItem::text).contains("alarm code: 5555");

    // when
    engram.forgetSession("alice", "june");

    // then
    assertThat(engram.facts("alice")).extracting(MemoryItem::text)
        .contains("alarm code: " + MARKER);
  }

  @Test
  void should_take_back_the_lines_a_forgotten_round_lent_its_neighbour() {
    // given: the last line of a round carries a word that the next round borrows for its key
    String lent = "qvwalkbookzx";
    engram.remember("alice", new Session("july", Instant.parse("2024-05-25T10:00:00Z"), List.of(
        Message.user("Which book should I read next?"),
        Message.assistant("Try " + lent + ", it is about a long walk."),
        Message.user("Thanks, I loved it."),
        Message.assistant("Glad to hear it."))));
    MemoryItem which = episode("user: Which book");
    MemoryItem thanks = episode("user: Thanks");
    assertThat(thanks.key()).contains(lent);
    assertThat(store.searchText(ALICE, lent, 10, TimeRange.ALL))
        .extracting(hit -> hit.item().id()).containsExactlyInAnyOrder(which.id(), thanks.id());

    // when
    engram.forgetItems("alice", List.of(which.id()));

    // then
    assertThat(allText()).doesNotContain(lent);
    assertThat(store.searchText(ALICE, lent, 10, TimeRange.ALL)).isEmpty();
    assertThat(store.get(ALICE, thanks.id()).orElseThrow().key()).isEqualTo(thanks.text());
  }

  private MemoryItem episode(String prefix) {
    return store.items(ALICE, ItemFilter.ANY, 10_000).stream()
        .filter(item -> item.text().startsWith(prefix)).findFirst().orElseThrow();
  }

  private String allText() {
    StringBuilder all = new StringBuilder();
    for (MemoryItem item : store.items(ALICE, ItemFilter.ANY, 10_000)) {
      all.append(item.text()).append('\n').append(item.key()).append('\n');
    }
    return all.toString();
  }
}
