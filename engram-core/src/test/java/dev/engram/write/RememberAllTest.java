package dev.engram.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.Engram;
import dev.engram.MutableClock;
import dev.engram.TestHistory;
import dev.engram.embed.CountingEmbedder;
import dev.engram.embed.Embedder;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.store.InMemoryMemoryStore;
import dev.engram.store.ItemFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bulk import stores what one remember per session would, with one embedder call. */
class RememberAllTest {
  private static final Instant T0 = TestHistory.START;
  private static final SubjectRef ALICE = SubjectRef.of("alice");

  @Test
  void should_store_what_one_remember_per_session_stores_with_one_embedder_call() {
    // given
    List<Session> history = TestHistory.sessions(4);
    CountingEmbedder counted = new CountingEmbedder(new HashingEmbedder(128));
    InMemoryMemoryStore bulk = new InMemoryMemoryStore(counted.info());
    InMemoryMemoryStore oneByOne = new InMemoryMemoryStore(counted.info());

    // when
    RememberResult bulkResult;
    try (Engram engram = open(bulk, counted)) {
      bulkResult = engram.rememberAll("alice", history);
    }
    int bulkCalls = counted.calls.getAndSet(0);
    List<String> singleIds = new ArrayList<>();
    try (Engram engram = open(oneByOne, counted)) {
      history.forEach(s -> singleIds.addAll(engram.remember("alice", s).addedIds()));
    }

    // then: same items, same numbering, same facts; one embedding call instead of four
    assertThat(bulkCalls).isEqualTo(1);
    assertThat(counted.calls.get()).isEqualTo(history.size());
    assertThat(bulkResult.addedIds()).isEqualTo(singleIds);
    assertThat(describe(bulk)).isEqualTo(describe(oneByOne));
  }

  @Test
  void should_gate_like_one_remember_per_session_across_gate_windows() {
    // given: 1,100 sessions of two rounds (more than one gate window of rounds), some of them
    // exact repeats of a session 1,040 back (in the previous window) or 20 back (same window)
    List<Session> history = new ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    int planted = 0;
    for (int i = 0; i < 1100; i++) {
      if (i >= 1050 && i % 10 == 0 || i >= 1030 && i % 10 == 5) {
        Session source = history.get(i - (i % 10 == 0 ? 1040 : 20));
        history.add(new Session("s" + i, source.start(), source.messages()));
        planted += 2;
      } else {
        history.add(new Session("s" + i, T0.plusSeconds(60L * i), List.of(
            Message.user("Entry " + i + ": " + words(random)), Message.assistant(words(random)),
            Message.user(words(random)), Message.assistant(words(random)))));
      }
    }
    assertThat(history.size() * 2).isGreaterThan(NoveltyGate.WINDOW);
    HashingEmbedder embedder = new HashingEmbedder(128);
    AdmissionPolicy gate = new AdmissionPolicy(0.05, 0);
    InMemoryMemoryStore bulk = new InMemoryMemoryStore(embedder.info());
    InMemoryMemoryStore oneByOne = new InMemoryMemoryStore(embedder.info());

    // when
    RememberResult bulkResult;
    try (Engram engram = open(bulk, embedder, gate)) {
      bulkResult = engram.rememberAll("alice", history);
    }
    try (Engram engram = open(oneByOne, embedder, gate)) {
      history.forEach(session -> engram.remember("alice", session));
    }

    // then: every planted repeat merged, and the same memory either way
    assertThat(bulkResult.mergedIds()).hasSize(planted);
    assertThat(describe(bulk)).isEqualTo(describe(oneByOne));
  }

  private static String words(java.util.Random random) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      out.append(i == 0 ? "" : " ").append("w").append(random.nextInt(5000));
    }
    return out.toString();
  }

  @Test
  void should_skip_what_is_stored_and_repeats_within_the_call() {
    HashingEmbedder embedder = new HashingEmbedder(128);
    InMemoryMemoryStore store = new InMemoryMemoryStore(embedder.info());
    try (Engram engram = open(store, embedder)) {
      List<Session> history = TestHistory.sessions(4);
      engram.remember("alice", history.get(0));

      RememberResult result = engram.rememberAll("alice", List.of(history.get(0), history.get(1),
          history.get(1)));

      assertThat(result.added()).isEqualTo(2);
      assertThat(result.skippedDuplicates()).isEqualTo(4);
    }
  }

  @Test
  void should_store_nothing_when_embedding_fails() {
    HashingEmbedder working = new HashingEmbedder(128);
    InMemoryMemoryStore store = new InMemoryMemoryStore(working.info());
    Embedder failing = new CountingEmbedder(working) {
      @Override
      public float[][] embed(List<String> texts) {
        throw new IllegalStateException("model crashed");
      }
    };
    try (Engram engram = open(store, failing)) {
      assertThatThrownBy(() -> engram.rememberAll("alice", TestHistory.sessions(4)))
          .hasMessageContaining("model crashed");
    }
    assertThat(store.subjectStats(ALICE).items()).isZero();
  }

  private static Engram open(InMemoryMemoryStore store, Embedder embedder) {
    return open(store, embedder, AdmissionPolicy.DEFAULT);
  }

  private static Engram open(
      InMemoryMemoryStore store, Embedder embedder, AdmissionPolicy admission) {
    return Engram.builder().store(store).embedder(embedder).clock(new MutableClock(T0))
        .admission(admission).build();
  }

  private static List<String> describe(InMemoryMemoryStore store) {
    return store.items(ALICE, ItemFilter.ANY, 1000).stream()
        .map(MemoryItem::withoutEmbedding)
        .map(it -> it.kind() + " " + it.id() + " " + it.session() + " " + it.sessionSeq() + " "
            + it.subjectSeq() + " " + it.key().replace('\n', '|') + " " + it.lifecycle().tier()
            + " " + it.lifecycle().accessCount())
        .sorted().toList();
  }
}
