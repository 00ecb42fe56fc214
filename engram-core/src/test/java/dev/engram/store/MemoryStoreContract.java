package dev.engram.store;

import static dev.engram.store.TestItem.EMBEDDER;
import static dev.engram.store.TestItem.T0;
import static dev.engram.store.TestItem.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.engram.embed.EmbedderInfo;
import dev.engram.model.ItemKind;
import dev.engram.model.Lifecycle;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.model.Tier;
import dev.engram.model.TokenEstimate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link MemoryStore} must have. A store module extends this class and says how
 * to open a fresh, empty store (and, if it persists, how to reopen one); the suite does the rest.
 *
 * <p>Items are made with {@link TestItem} and embedded with a 64-dimension hashing embedder, so
 * vector results are predictable. {@link #store} is open during each test and closed after it.
 */
public abstract class MemoryStoreContract {
  protected static final SubjectRef ALICE = new SubjectRef("t1", "alice");
  protected static final SubjectRef BOB = new SubjectRef("t1", "bob");
  protected static final SubjectRef ALICE_OF_T2 = new SubjectRef("t2", "alice");

  /** The store under test; tests may replace it (e.g. by {@link #reopen}). */
  protected MemoryStore store;

  /** A new, empty store for vectors of {@code embedder}. */
  protected abstract MemoryStore openStore(EmbedderInfo embedder);

  /**
   * Closes {@code current} and opens the same data again. Memory-only stores have nothing to
   * reopen and return it unchanged (the default).
   */
  protected MemoryStore reopen(MemoryStore current) {
    return current;
  }

  @BeforeEach
  void openFreshStore() {
    store = openStore(EMBEDDER.info());
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void should_return_every_field_but_the_embedding_as_written() {
    // given
    MemoryItem written = item(ALICE, "ep-1", "user: I adopted a beagle called Zoë\nassistant: ☕!")
        .key("user: I adopted a beagle called Zoë dog puppy").session("chat-7").kind(ItemKind.FACT)
        .seq(5, 2).at(Instant.parse("2023-11-02T08:15:30.123Z"))
        .ingestedAt(Instant.parse("2024-01-05T12:00:00.456Z")).sources("D1:1", "D1:2")
        .hash("abc123").lifecycle(new Lifecycle(Tier.HOT, true, "dog name",
            Instant.parse("2023-11-02T08:15:30.123Z"), Instant.parse("2023-12-01T00:00:00Z"),
            "ep-9", 2.5, 3, Instant.parse("2024-02-01T09:00:00.789Z"))).build();

    // when
    store.add(List.of(written));
    MemoryItem read = store.get(ALICE, "ep-1").orElseThrow();

    // then
    assertThat(read).usingRecursiveComparison().ignoringFields("embedding").isEqualTo(written);
    assertThat(read.embedding()).isNull();
    assertThat(store.timeline(ALICE, 0, 10).get(0).embedding()).isNull();
    assertThat(store.searchText(ALICE, "beagle", 10, ItemFilter.ANY).get(0).item().embedding())
        .isNull();
    assertThat(store.searchVector(ALICE, written.embedding(), 10, ItemFilter.ANY).get(0).item()
        .embedding()).isNull();
  }

  @Test
  void should_return_the_timeline_in_order_and_slice_it() {
    // given: added out of order, with a tie on subjectSeq broken by sessionSeq
    store.add(List.of(
        item(ALICE, "e4", "four").seq(4, 0).session("s2").build(),
        item(ALICE, "e1", "one").seq(1, 1).build(),
        item(ALICE, "e3b", "three b").seq(3, 1).build(),
        item(ALICE, "e0", "zero").seq(0, 0).build(),
        item(ALICE, "e3a", "three a").seq(3, 0).session("s2").build()));
    store.add(List.of(item(ALICE, "e2", "two").seq(2, 2).build()));

    // when / then
    assertThat(ids(store.timeline(ALICE, 0, 100))).containsExactly("e0", "e1", "e2", "e3a", "e3b",
        "e4");
    assertThat(ids(store.timeline(ALICE, 2, 3))).containsExactly("e2", "e3a", "e3b");
    assertThat(ids(store.timeline(ALICE, 4, 1))).containsExactly("e4");
    assertThat(store.timeline(ALICE, 5, 10)).isEmpty();
    assertThat(store.timeline(BOB, 0, 10)).isEmpty();
  }

  @Test
  void should_return_a_session_range_in_session_order() {
    // given
    for (int seq = 4; seq >= 0; seq--) {
      store.add(List.of(item(ALICE, "a" + seq, "turn " + seq).session("s1").seq(seq, seq).build()));
    }
    store.add(List.of(item(ALICE, "b0", "other").session("s2").seq(9, 2).build(),
        item(BOB, "c0", "bob's turn").session("s1").seq(0, 2).build()));

    // when
    List<MemoryItem> range = store.sessionRange(ALICE, "s1", 1, 3);

    // then
    assertThat(ids(range)).containsExactly("a1", "a2", "a3");
    assertThat(ids(store.sessionRange(ALICE, "s1", 0, 0))).containsExactly("a0");
    assertThat(ids(store.sessionRange(ALICE, "s2", 0, 10))).containsExactly("b0");
    assertThat(store.sessionRange(ALICE, "s1", 5, 9)).isEmpty();
    assertThat(store.sessionRange(ALICE, "nope", 0, 9)).isEmpty();
  }

  @Test
  void should_report_the_last_session_seq_or_minus_one() {
    // given
    store.add(List.of(item(ALICE, "a", "x").session("s1").seq(0, 0).build(),
        item(ALICE, "b", "y").session("s1").seq(1, 7).build(),
        item(ALICE, "c", "z").session("s1").seq(2, 3).build(),
        item(BOB, "d", "w").session("s1").seq(0, 12).build()));

    // when / then
    assertThat(store.lastSessionSeq(ALICE, "s1")).isEqualTo(7);
    assertThat(store.lastSessionSeq(BOB, "s1")).isEqualTo(12);
    assertThat(store.lastSessionSeq(ALICE, "s2")).isEqualTo(-1);
    assertThat(store.lastSessionSeq(ALICE_OF_T2, "s1")).isEqualTo(-1);
  }

  @Test
  void should_tell_whether_the_subject_holds_a_content_hash() {
    // given
    store.add(List.of(item(ALICE, "a", "hello there").hash("h-1").build()));

    // when / then
    assertThat(store.containsHash(ALICE, "h-1")).isTrue();
    assertThat(store.containsHash(ALICE, "h-2")).isFalse();
    assertThat(store.containsHash(BOB, "h-1")).isFalse();
    assertThat(store.containsHash(ALICE_OF_T2, "h-1")).isFalse();
  }

  @Test
  void should_find_items_by_their_words_best_first() {
    // given
    store.add(List.of(
        item(ALICE, "strong", "kayak kayak trip").build(),
        item(ALICE, "weak", "we went on a long boat trip and saw a kayak far away on the lake")
            .build(),
        item(ALICE, "none", "a quiet evening reading a novel").build()));

    // when
    List<ScoredItem> hits = store.searchText(ALICE, "Kayak?", 10, TimeRange.ALL);

    // then
    assertThat(hitIds(hits)).containsExactly("strong", "weak");
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score()).isPositive();
  }

  @Test
  void should_search_the_key_not_the_text() {
    // given
    store.add(List.of(item(ALICE, "a", "user: we met last week").key("we met last week tuesday")
        .build()));

    // when / then
    assertThat(hitIds(store.searchText(ALICE, "tuesday", 5, TimeRange.ALL))).containsExactly("a");
  }

  @Test
  void should_respect_the_limit_of_a_text_search() {
    // given
    for (int i = 0; i < 8; i++) {
      store.add(List.of(item(ALICE, "k" + i, "kayak number " + i).seq(i, i).build()));
    }

    // when
    List<ScoredItem> hits = store.searchText(ALICE, "kayak", 3, TimeRange.ALL);

    // then
    assertThat(hits).hasSize(3);
    assertThat(scores(hits)).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void should_return_no_hits_for_an_empty_or_stopword_query() {
    // given
    store.add(List.of(item(ALICE, "a", "the cat sat on the mat and it was to be").build()));

    // when / then
    assertThat(store.searchText(ALICE, "", 5, TimeRange.ALL)).isEmpty();
    assertThat(store.searchText(ALICE, "   ", 5, TimeRange.ALL)).isEmpty();
    assertThat(store.searchText(ALICE, "the and of to", 5, TimeRange.ALL)).isEmpty();
    assertThat(store.searchText(ALICE, "?!. ,;", 5, TimeRange.ALL)).isEmpty();
  }

  @Test
  void should_treat_query_syntax_as_plain_words() {
    // given
    store.add(List.of(item(ALICE, "a", "kayak trip").build()));

    // when
    List<ScoredItem> hits = store.searchText(ALICE,
        "kayak AND (trip OR \" [ { ~ ^ : \\ * ? / -) NOT", 5, TimeRange.ALL);

    // then
    assertThat(hitIds(hits)).containsExactly("a");
  }

  @Test
  void should_return_nearest_vectors_first() {
    // given
    MemoryItem beagle = item(ALICE, "beagle", "my beagle loves long walks in the park").build();
    store.add(List.of(beagle,
        item(ALICE, "tax", "the tax return is due in april").build(),
        item(ALICE, "walks", "long walks in the park at dawn").build()));

    // when
    List<ScoredItem> hits = store.searchVector(ALICE, beagle.embedding(), 2, TimeRange.ALL);

    // then
    assertThat(hitIds(hits)).containsExactly("beagle", "walks");
    assertThat(hits.get(0).score()).isCloseTo(1.0, within(1e-4));
    assertThat(hits.get(1).score()).isLessThan(hits.get(0).score());
  }

  @Test
  void should_filter_text_search_by_event_time() {
    // given
    addKayaksAtHours(0, 1, 2);

    // when / then: from is inclusive, to is exclusive
    assertThat(hitIds(store.searchText(ALICE, "kayak", 10, hours(1, 2)))).containsExactly("h1");
    assertThat(hitIds(store.searchText(ALICE, "kayak", 10, new TimeRange(T0.plus(hour(1)), null))))
        .containsExactlyInAnyOrder("h1", "h2");
    assertThat(hitIds(store.searchText(ALICE, "kayak", 10, new TimeRange(null, T0.plus(hour(1))))))
        .containsExactly("h0");
    assertThat(store.searchText(ALICE, "kayak", 10, hours(5, 6))).isEmpty();
  }

  @Test
  void should_filter_vector_search_by_event_time() {
    // given
    addKayaksAtHours(0, 1, 2);
    float[] query = EMBEDDER.embedQuery("kayak");

    // when / then
    assertThat(hitIds(store.searchVector(ALICE, query, 10, hours(1, 2)))).containsExactly("h1");
    assertThat(hitIds(store.searchVector(ALICE, query, 10, new TimeRange(T0.plus(hour(1)), null))))
        .containsExactlyInAnyOrder("h1", "h2");
    assertThat(hitIds(store.searchVector(ALICE, query, 10, new TimeRange(null, T0.plus(hour(1))))))
        .containsExactly("h0");
    assertThat(store.searchVector(ALICE, query, 10, hours(5, 6))).isEmpty();
  }

  @Test
  void should_not_return_items_of_another_subject_or_tenant() {
    // given: the same words for three owners, and the same id in two tenants
    store.add(List.of(
        item(ALICE, "x", "kayak trip with alice").session("s1").seq(0, 0).hash("h").build(),
        item(BOB, "y", "kayak trip with bob").session("s1").seq(0, 0).hash("h").build(),
        item(ALICE_OF_T2, "x", "kayak trip with the other alice").session("s1").seq(0, 0)
            .hash("h").build()));
    float[] query = EMBEDDER.embedQuery("kayak trip");

    // when / then
    assertThat(store.get(ALICE, "x").orElseThrow().text()).isEqualTo("kayak trip with alice");
    assertThat(store.get(ALICE_OF_T2, "x").orElseThrow().text()).contains("other alice");
    assertThat(store.get(ALICE, "y")).isEmpty();
    assertThat(store.get(BOB, "x")).isEmpty();
    assertThat(store.get(new SubjectRef("t3", "alice"), "x")).isEmpty();
    for (SubjectRef owner : List.of(ALICE, BOB, ALICE_OF_T2)) {
      assertThat(store.timeline(owner, 0, 10)).singleElement().extracting(MemoryItem::owner)
          .isEqualTo(owner);
      assertThat(store.sessionRange(owner, "s1", 0, 10)).singleElement()
          .extracting(MemoryItem::owner).isEqualTo(owner);
      assertThat(store.searchText(owner, "kayak", 10, TimeRange.ALL)).singleElement()
          .extracting(hit -> hit.item().owner()).isEqualTo(owner);
      assertThat(store.searchVector(owner, query, 10, TimeRange.ALL)).singleElement()
          .extracting(hit -> hit.item().owner()).isEqualTo(owner);
      assertThat(store.subjectStats(owner).items()).isEqualTo(1);
    }
    assertThat(store.subjects("t1")).containsExactly("alice", "bob");
    assertThat(store.subjects("t2")).containsExactly("alice");
    assertThat(store.subjects("t3")).isEmpty();
  }

  @Test
  void should_never_delete_items_of_another_subject_or_tenant() {
    // given
    store.add(List.of(item(ALICE, "x", "alice in t1").build(), item(BOB, "y", "bob in t1").build(),
        item(ALICE_OF_T2, "x", "alice in t2").build()));

    // when
    int byIds = store.deleteItems(BOB, List.of("x"));
    int bySession = store.deleteSession(new SubjectRef("t3", "alice"), "s1");
    int bySubject = store.deleteSubject(ALICE_OF_T2);

    // then
    assertThat(byIds).isZero();
    assertThat(bySession).isZero();
    assertThat(bySubject).isEqualTo(1);
    assertThat(store.get(ALICE, "x")).isPresent();
    assertThat(store.get(BOB, "y")).isPresent();
    assertThat(store.get(ALICE_OF_T2, "x")).isEmpty();
    assertThat(store.stats().items()).isEqualTo(2);
  }

  @Test
  void should_delete_items_by_id_from_every_read() {
    // given
    store.add(List.of(item(ALICE, "a", "kayak alpha").seq(0, 0).hash("ha").build(),
        item(ALICE, "b", "kayak beta").seq(1, 1).build(),
        item(ALICE, "c", "kayak gamma").seq(2, 2).build()));

    // when: an unknown id and a repeated one are not counted
    int deleted = store.deleteItems(ALICE, List.of("a", "c", "nope", "a"));

    // then
    assertThat(deleted).isEqualTo(2);
    assertGone(ALICE, "a");
    assertGone(ALICE, "c");
    assertThat(store.containsHash(ALICE, "ha")).isFalse();
    assertThat(ids(store.timeline(ALICE, 0, 10))).containsExactly("b");
    assertThat(store.lastSessionSeq(ALICE, "s1")).isEqualTo(1);
    assertThat(store.subjectStats(ALICE).items()).isEqualTo(1);
    assertThat(store.deleteItems(ALICE, List.of("a"))).isZero();
    assertThat(store.deleteItems(ALICE, List.of())).isZero();
  }

  @Test
  void should_delete_a_session() {
    // given
    store.add(List.of(item(ALICE, "a", "kayak one").session("s1").seq(0, 0).build(),
        item(ALICE, "b", "kayak two").session("s1").seq(1, 1).build(),
        item(ALICE, "c", "kayak three").session("s2").seq(2, 0).build(),
        item(BOB, "d", "kayak four").session("s1").seq(0, 0).build()));

    // when
    int deleted = store.deleteSession(ALICE, "s1");

    // then
    assertThat(deleted).isEqualTo(2);
    assertGone(ALICE, "a");
    assertGone(ALICE, "b");
    assertThat(store.lastSessionSeq(ALICE, "s1")).isEqualTo(-1);
    assertThat(store.sessionRange(ALICE, "s1", 0, 10)).isEmpty();
    assertThat(ids(store.timeline(ALICE, 0, 10))).containsExactly("c");
    assertThat(store.get(BOB, "d")).isPresent();
    assertThat(store.deleteSession(ALICE, "s1")).isZero();
  }

  @Test
  void should_delete_a_subject() {
    // given
    store.add(List.of(item(ALICE, "a", "kayak one").build(), item(ALICE, "b", "kayak two").build(),
        item(BOB, "c", "kayak three").build()));

    // when
    int deleted = store.deleteSubject(ALICE);

    // then
    assertThat(deleted).isEqualTo(2);
    assertGone(ALICE, "a");
    assertGone(ALICE, "b");
    assertThat(store.subjectStats(ALICE)).isEqualTo(SubjectStats.EMPTY);
    assertThat(store.subjects("t1")).containsExactly("bob");
    assertThat(store.stats().items()).isEqualTo(1);
    assertThat(store.stats().subjects()).isEqualTo(1);
    assertThat(store.deleteSubject(ALICE)).isZero();
  }

  @Test
  void should_list_the_subjects_of_a_tenant_sorted() {
    // given
    for (String name : List.of("zoe", "adam", "mia")) {
      store.add(List.of(item(new SubjectRef("t1", name), "i-" + name, "hello " + name).build()));
    }
    store.add(List.of(item(new SubjectRef("t2", "bert"), "i-bert", "hello bert").build()));

    // when / then
    assertThat(store.subjects("t1")).containsExactly("adam", "mia", "zoe");
    assertThat(store.subjects("t2")).containsExactly("bert");
    assertThat(store.subjects("t0")).isEmpty();
  }

  @Test
  void should_count_items_tokens_and_last_subject_seq() {
    // given
    List<String> texts = List.of("short", "a somewhat longer text of words", "medium text");
    for (int i = 0; i < texts.size(); i++) {
      store.add(List.of(item(ALICE, "i" + i, texts.get(i)).seq(10 - i * 3L, i).build()));
    }
    store.add(List.of(item(ALICE_OF_T2, "j", "elsewhere").seq(99, 0).build()));
    long tokens = texts.stream().mapToLong(TokenEstimate::of).sum();

    // when
    SubjectStats stats = store.subjectStats(ALICE);

    // then
    assertThat(stats).isEqualTo(new SubjectStats(3, tokens, 10));
    assertThat(store.subjectStats(BOB)).isEqualTo(SubjectStats.EMPTY);
    assertThat(store.stats().items()).isEqualTo(4);
    assertThat(store.stats().subjects()).isEqualTo(2);
    assertThat(store.stats().bytesOnDisk()).isNotNegative();
  }

  @Test
  void should_count_exactly_up_to_a_token_limit_and_may_stop_past_it() {
    // given
    List<MemoryItem> items = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      items.add(item(ALICE, "i" + i, "note number " + i + " about the garden").seq(i, i).build());
    }
    store.add(items);
    SubjectStats whole = store.subjectStats(ALICE, ItemFilter.ANY);

    // when
    SubjectStats atLimit = store.subjectStats(ALICE, ItemFilter.ANY, whole.tokens());
    SubjectStats cut = store.subjectStats(ALICE, ItemFilter.ANY, 10);

    // then
    assertThat(atLimit).isEqualTo(whole);
    assertThat(cut.tokens()).isGreaterThan(10);
    assertThat(cut.items()).isBetween(1L, 40L);
    assertThat(store.subjectStats(BOB, ItemFilter.ANY, 0)).isEqualTo(SubjectStats.EMPTY);
    assertThatThrownBy(() -> store.subjectStats(ALICE, ItemFilter.ANY, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenLimit");
  }

  @Test
  void should_replace_an_item_with_the_same_id() {
    // given
    store.add(List.of(item(ALICE, "a", "kayak trip").seq(0, 0).build()));

    // when
    store.add(List.of(item(ALICE, "a", "violin lesson").seq(1, 0).build()));

    // then
    assertThat(store.get(ALICE, "a").orElseThrow().text()).isEqualTo("violin lesson");
    assertThat(store.searchText(ALICE, "kayak", 5, TimeRange.ALL)).isEmpty();
    assertThat(hitIds(store.searchText(ALICE, "violin", 5, TimeRange.ALL))).containsExactly("a");
    assertThat(hitIds(store.searchVector(ALICE, EMBEDDER.embedQuery("kayak trip"), 5,
        TimeRange.ALL))).containsExactly("a");
    assertThat(store.subjectStats(ALICE)).isEqualTo(
        new SubjectStats(1, TokenEstimate.of("violin lesson"), 1));
  }

  @Test
  void should_keep_the_last_of_equal_ids_in_one_add() {
    // when
    store.add(List.of(item(ALICE, "a", "first").build(), item(ALICE, "a", "second").build()));

    // then
    assertThat(store.get(ALICE, "a").orElseThrow().text()).isEqualTo("second");
    assertThat(store.subjectStats(ALICE).items()).isEqualTo(1);
  }

  @Test
  void should_reject_a_wrong_dimension_and_store_nothing() {
    // given
    MemoryItem good = item(ALICE, "good", "fine").build();
    MemoryItem bad = item(ALICE, "bad", "too short").embedding(new float[32]).build();

    // when / then
    assertThatThrownBy(() -> store.add(List.of(good, bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad").hasMessageContaining("64").hasMessageContaining("32");
    assertThat(store.get(ALICE, "good")).isEmpty();
    assertThat(store.stats().items()).isZero();
  }

  @Test
  void should_reject_an_item_without_embedding_and_store_nothing() {
    // given
    MemoryItem good = item(ALICE, "good", "fine").build();
    MemoryItem bare = item(ALICE, "bare", "no vector").buildWithoutEmbedding();

    // when / then
    assertThatThrownBy(() -> store.add(List.of(good, bare)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bare");
    assertThat(store.stats().items()).isZero();
  }

  @Test
  void should_reject_a_limit_below_one_and_a_query_vector_of_the_wrong_dimension() {
    // when / then
    assertThatThrownBy(() -> store.timeline(ALICE, 0, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    assertThatThrownBy(() -> store.searchText(ALICE, "x", 0, TimeRange.ALL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    assertThatThrownBy(() -> store.searchVector(ALICE, new float[64], 0, TimeRange.ALL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    assertThatThrownBy(() -> store.searchVector(ALICE, new float[3], 5, TimeRange.ALL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3");
  }

  @Test
  void should_report_its_embedder() {
    // when / then
    assertThat(store.info().embedder()).isEqualTo(EMBEDDER.info());
  }

  @Test
  void should_keep_items_after_reopen() {
    // given
    store.add(List.of(item(ALICE, "a", "kayak trip").build()));

    // when
    store = reopen(store);

    // then
    assertThat(store.get(ALICE, "a")).isPresent();
    assertThat(hitIds(store.searchText(ALICE, "kayak", 5, TimeRange.ALL))).containsExactly("a");
  }

  @Test
  void should_throw_on_every_call_after_close() {
    // given
    store.close();

    // when / then
    List<Runnable> calls = List.of(
        () -> store.add(List.of(item(ALICE, "a", "x").build())),
        () -> store.get(ALICE, "a"),
        () -> store.containsHash(ALICE, "h"),
        () -> store.timeline(ALICE, 0, 5),
        () -> store.sessionRange(ALICE, "s1", 0, 5),
        () -> store.lastSessionSeq(ALICE, "s1"),
        () -> store.searchText(ALICE, "x", 5, TimeRange.ALL),
        () -> store.searchVector(ALICE, new float[64], 5, TimeRange.ALL),
        () -> store.subjectStats(ALICE),
        () -> store.subjects("t1"),
        () -> store.deleteItems(ALICE, List.of("a")),
        () -> store.deleteSession(ALICE, "s1"),
        () -> store.deleteSubject(ALICE),
        () -> store.stats(),
        () -> store.items(ALICE, ItemFilter.ANY, 5),
        () -> store.update(ALICE, List.of("a"), it -> it),
        () -> store.appendAudit(AuditEvent.of(ALICE, T0, AuditAction.PIN, List.of(), List.of(),
            "api", "")),
        () -> store.audit(ALICE, 1, 5),
        () -> store.subjectStats(ALICE, ItemFilter.ANY),
        () -> store.subjectStats(ALICE, ItemFilter.ANY, 100));
    for (Runnable call : calls) {
      assertThatThrownBy(call::run).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");
    }
    store.close(); // closing again is harmless
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 7L, 42L, 1234L, 20240301L})
  void should_agree_with_a_simple_model_over_random_operations(long seed) {
    new RandomOperations(seed, () -> store, () -> store = reopen(store)).run();
  }

  // ---- kinds, tiers, validity, update, audit (docs/store-spi.md) ----

  @Test
  void should_search_only_the_kinds_the_filter_names_and_evidence_by_default() {
    // given
    store.add(List.of(
        item(ALICE, "ep", "kayak on the lake").build(),
        item(ALICE, "fact", "kayak colour: red").kind(ItemKind.FACT)
            .lifecycle(Lifecycle.fact("kayak colour", T0)).build(),
        item(ALICE, "sum", "kayak trips every weekend").kind(ItemKind.SUMMARY).build(),
        item(ALICE, "note", "kayak paddle is in the garage").kind(ItemKind.NOTE).build()));
    float[] kayak = EMBEDDER.embedQuery("kayak");

    // when / then
    assertThat(hitIds(store.searchText(ALICE, "kayak", 10, TimeRange.ALL)))
        .containsExactlyInAnyOrder("ep", "note");
    assertThat(hitIds(store.searchVector(ALICE, kayak, 10, TimeRange.ALL)))
        .containsExactlyInAnyOrder("ep", "note");
    assertThat(hitIds(store.searchText(ALICE, "kayak", 10, ItemFilter.current(ItemKind.FACT))))
        .containsExactly("fact");
    assertThat(hitIds(store.searchVector(ALICE, kayak, 10,
        ItemFilter.current(ItemKind.SUMMARY)))).containsExactly("sum");
    assertThat(hitIds(store.searchText(ALICE, "kayak", 10, ItemFilter.ANY))).hasSize(4);
    assertThat(ids(store.items(ALICE, ItemFilter.allOf(ItemKind.FACT, ItemKind.NOTE), 10)))
        .containsExactlyInAnyOrder("fact", "note");
  }

  @Test
  void should_hide_superseded_items_unless_asked_for() {
    // given: an older fact closed by a newer one
    Instant later = T0.plus(hour(5));
    store.add(List.of(
        item(ALICE, "old", "home city: Porto").kind(ItemKind.FACT).lifecycle(
            Lifecycle.fact("home city", T0).supersededAt(later, "new")).build(),
        item(ALICE, "new", "home city: Lisbon").kind(ItemKind.FACT).seq(1, 1).at(later)
            .lifecycle(Lifecycle.fact("home city", later)).build()));

    // when / then
    assertThat(hitIds(store.searchText(ALICE, "home city", 10, ItemFilter.current(ItemKind.FACT))))
        .containsExactly("new");
    assertThat(hitIds(store.searchVector(ALICE, EMBEDDER.embedQuery("home city"), 10,
        ItemFilter.current(ItemKind.FACT)))).containsExactly("new");
    assertThat(ids(store.items(ALICE, ItemFilter.current(ItemKind.FACT), 10)))
        .containsExactly("new");
    assertThat(ids(store.items(ALICE, ItemFilter.allOf(ItemKind.FACT), 10)))
        .containsExactly("old", "new");
    assertThat(hitIds(store.searchText(ALICE, "home city", 10, ItemFilter.allOf(ItemKind.FACT))))
        .containsExactlyInAnyOrder("old", "new");
  }

  @Test
  void should_keep_cold_items_out_of_search_but_reachable_by_id_timeline_and_items() {
    // given
    store.add(List.of(item(ALICE, "a", "kayak on the lake").build(),
        item(ALICE, "b", "kayak in the sea").seq(1, 1).build()));
    float[] kayak = EMBEDDER.embedQuery("kayak on the lake");
    double scoreBefore = store.searchVector(ALICE, kayak, 1, TimeRange.ALL).get(0).score();

    // when
    int moved = store.update(ALICE, List.of("a", "missing"),
        it -> it.withLifecycle(it.lifecycle().withTier(Tier.COLD)));
    store = reopen(store);

    // then
    assertThat(moved).isEqualTo(1);
    assertThat(hitIds(store.searchText(ALICE, "kayak", 10, ItemFilter.ANY))).containsExactly("b");
    assertThat(hitIds(store.searchVector(ALICE, kayak, 10, ItemFilter.ANY))).containsExactly("b");
    assertThat(store.get(ALICE, "a").orElseThrow().lifecycle().tier()).isEqualTo(Tier.COLD);
    assertThat(ids(store.timeline(ALICE, 0, 10))).containsExactly("a", "b");
    assertThat(ids(store.items(ALICE, ItemFilter.ANY.withTiers(EnumSet.of(Tier.COLD)), 10)))
        .containsExactly("a");
    assertThat(store.subjectStats(ALICE).items()).isEqualTo(2);

    // and when warmed again, it is found with its old vector
    store.update(ALICE, List.of("a"), it -> it.withLifecycle(it.lifecycle().withTier(Tier.HOT)));
    List<ScoredItem> hits = store.searchVector(ALICE, kayak, 1, TimeRange.ALL);
    assertThat(hitIds(hits)).containsExactly("a");
    assertThat(hits.get(0).score()).isCloseTo(scoreBefore, within(1e-5));
    assertThat(hitIds(store.searchText(ALICE, "lake", 10, TimeRange.ALL))).containsExactly("a");
  }

  @Test
  void should_update_items_by_id_keeping_their_vector() {
    // given
    store.add(List.of(item(ALICE, "a", "kayak on the lake").build()));
    float[] kayak = EMBEDDER.embedQuery("kayak on the lake");

    // when
    int updated = store.update(ALICE, List.of("a"),
        it -> it.withKey(it.key() + " fact: boat colour red"));

    // then
    assertThat(updated).isEqualTo(1);
    assertThat(store.get(ALICE, "a").orElseThrow().key()).endsWith("boat colour red");
    assertThat(hitIds(store.searchText(ALICE, "colour", 10, TimeRange.ALL))).containsExactly("a");
    assertThat(store.searchVector(ALICE, kayak, 1, TimeRange.ALL).get(0).score())
        .isCloseTo(1.0, within(1e-4));
    assertThat(store.update(BOB, List.of("a"), it -> it.withKey("x"))).isZero();
    assertThat(store.update(ALICE_OF_T2, List.of("a"), it -> it.withKey("x"))).isZero();
  }

  @Test
  void should_reject_an_update_that_changes_identity_and_store_nothing() {
    // given
    store.add(List.of(item(ALICE, "a", "kayak").build(), item(ALICE, "b", "canoe").build()));

    // when / then
    assertThatThrownBy(() -> store.update(ALICE, List.of("a", "b"), it -> it.id().equals("b")
        ? item(ALICE, "other", "canoe").build() : it.withKey("changed")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b");
    assertThat(store.get(ALICE, "a").orElseThrow().key()).isEqualTo("kayak");
    assertThat(store.get(ALICE, "other")).isEmpty();
  }

  @Test
  void should_count_accesses() {
    // given
    store.add(List.of(item(ALICE, "a", "kayak").build()));
    Instant at = T0.plus(hour(3));

    // when
    store.recordAccess(ALICE, List.of("a"), T0);
    store.recordAccess(ALICE, List.of("a", "missing"), at);

    // then
    Lifecycle state = store.get(ALICE, "a").orElseThrow().lifecycle();
    assertThat(state.accessCount()).isEqualTo(2);
    assertThat(state.lastAccess()).isEqualTo(at);
  }

  @Test
  void should_number_audit_events_per_subject_and_keep_them_after_every_delete() {
    // given
    store.add(List.of(item(ALICE, "a", "kayak").build()));
    AuditEvent first = store.appendAudit(AuditEvent.of(ALICE, T0, AuditAction.REMEMBER,
        List.of("a"), List.of(), "cli:ingest", "file chat.jsonl"));
    store.appendAudit(AuditEvent.of(BOB, T0, AuditAction.REMEMBER, List.of("b"), List.of(),
        "key-1", ""));
    store.appendAudit(AuditEvent.of(ALICE_OF_T2, T0, AuditAction.REMEMBER, List.of("c"),
        List.of(), "key-2", ""));
    store.deleteSubject(ALICE);
    AuditEvent second = store.appendAudit(AuditEvent.of(ALICE, T0.plus(hour(1)),
        AuditAction.FORGET, List.of("a"), List.of(), "cli:forget", "user asked"));

    // when
    store = reopen(store);
    List<AuditEvent> log = store.audit(ALICE, 1, 100);

    // then
    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(log).containsExactly(first, second);
    assertThat(store.audit(ALICE, 2, 100)).containsExactly(second);
    assertThat(store.audit(ALICE, 1, 1)).containsExactly(first);
    assertThat(store.audit(BOB, 1, 100)).hasSize(1).allMatch(e -> e.version() == 1);
    assertThat(store.audit(ALICE_OF_T2, 1, 100)).extracting(AuditEvent::itemIds)
        .containsExactly(List.of("c"));
    assertThat(store.audit(new SubjectRef("t1", "nobody"), 1, 100)).isEmpty();
    assertThat(store.subjects("t1")).as("an audit log alone does not make a subject").isEmpty();
    assertThat(store.stats().items()).isZero();
  }

  @Test
  void should_refuse_an_audit_event_that_already_has_a_version() {
    // when / then
    assertThatThrownBy(() -> store.appendAudit(AuditEvent.of(ALICE, T0, AuditAction.PIN,
        List.of(), List.of(), "api", "").withVersion(3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
    assertThat(store.audit(ALICE, 0, 10)).isEmpty();
  }

  @Test
  void should_filter_items_by_tier_kind_and_time() {
    // given
    store.add(List.of(item(ALICE, "e1", "one").seq(1, 1).at(T0.plus(hour(1))).build(),
        item(ALICE, "e2", "two").seq(2, 2).at(T0.plus(hour(2))).build(),
        item(ALICE, "s", "summary").kind(ItemKind.SUMMARY).seq(3, 0).at(T0.plus(hour(2)))
            .build()));

    // when
    List<MemoryItem> found = store.items(ALICE,
        new ItemFilter(Set.of(ItemKind.EPISODE), Set.of(Tier.HOT), hours(2, 3), false), 10);

    // then
    assertThat(ids(found)).containsExactly("e2");
    assertThat(ids(store.items(ALICE, ItemFilter.ANY, 2))).containsExactly("e1", "e2");
    assertThat(store.items(BOB, ItemFilter.ANY, 10)).isEmpty();
    assertThat(store.subjectStats(ALICE, ItemFilter.allOf(ItemKind.EPISODE)))
        .isEqualTo(new SubjectStats(2, TokenEstimate.of("one") + TokenEstimate.of("two"), 2));
    assertThat(store.subjectStats(ALICE, ItemFilter.allOf(ItemKind.NOTE)))
        .isEqualTo(SubjectStats.EMPTY);
    assertThat(store.subjectStats(ALICE).items()).isEqualTo(3);
  }

  private void addKayaksAtHours(int... hours) {
    for (int h : hours) {
      store.add(List.of(item(ALICE, "h" + h, "kayak at hour " + h).seq(h, h)
          .at(T0.plus(hour(h))).build()));
    }
  }

  private void assertGone(SubjectRef owner, String id) {
    assertThat(store.get(owner, id)).isEmpty();
    assertThat(ids(store.timeline(owner, 0, 1000))).doesNotContain(id);
    assertThat(hitIds(store.searchText(owner, "kayak", 1000, TimeRange.ALL))).doesNotContain(id);
    assertThat(hitIds(store.searchVector(owner, EMBEDDER.embedQuery("kayak"), 1000,
        TimeRange.ALL))).doesNotContain(id);
  }

  private static TimeRange hours(int from, int to) {
    return new TimeRange(T0.plus(hour(from)), T0.plus(hour(to)));
  }

  private static Duration hour(int h) {
    return Duration.ofHours(h);
  }

  static List<String> ids(List<MemoryItem> items) {
    return items.stream().map(MemoryItem::id).toList();
  }

  static List<String> hitIds(List<ScoredItem> hits) {
    return hits.stream().map(hit -> hit.item().id()).toList();
  }

  private static List<Double> scores(List<ScoredItem> hits) {
    return hits.stream().map(ScoredItem::score).toList();
  }
}
