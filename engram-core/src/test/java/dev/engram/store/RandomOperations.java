package dev.engram.store;

import static dev.engram.store.TestItem.EMBEDDER;
import static dev.engram.store.TestItem.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A seeded run of random adds, deletes, searches, timeline reads and reopens over three owners in
 * two tenants, each step checked against a {@link StoreModel}. A failure names the seed, the step
 * and the operation, so the run can be repeated exactly.
 *
 * <p>Keys are drawn from a vocabulary of words that every analyser here leaves whole and keeps
 * apart, so "the key holds the word" is a sound oracle for lexical hits.
 */
final class RandomOperations {
  static final int STEPS = 300;
  private static final List<SubjectRef> OWNERS = List.of(
      new SubjectRef("t1", "alice"), new SubjectRef("t1", "bob"), new SubjectRef("t2", "alice"));
  private static final List<String> WORDS = List.of("river", "garden", "violin", "copper",
      "tiger", "lemon", "harbor", "pencil", "meadow", "rocket", "walnut", "glacier", "falcon",
      "oyster", "canyon", "velvet", "pepper", "kayak", "cobalt", "lantern");
  private static final List<String> SESSIONS = List.of("s0", "s1", "s2");

  private final long seed;
  private final RandomGenerator random;
  private final Supplier<MemoryStore> store;
  private final Runnable reopen;
  private final StoreModel model = new StoreModel();
  private final Map<SubjectRef, Long> nextSubjectSeq = new HashMap<>();
  private final Map<String, Long> nextSessionSeq = new HashMap<>();
  private int nextId;
  private String operation = "";

  /**
   * @param store the store under test, read afresh at each step
   * @param reopen replaces the store under test by a reopened one
   */
  RandomOperations(long seed, Supplier<MemoryStore> store, Runnable reopen) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    this.store = store;
    this.reopen = reopen;
  }

  void run() {
    for (int step = 0; step < STEPS; step++) {
      try {
        step();
        checkCounts();
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "seed " + seed + ", step " + step + ", " + operation + ": " + e.getMessage(), e);
      }
    }
  }

  private void step() {
    SubjectRef owner = OWNERS.get(random.nextInt(OWNERS.size()));
    int roll = random.nextInt(100);
    if (roll < 35) {
      add(owner);
    } else if (roll < 45) {
      deleteItems(owner);
    } else if (roll < 51) {
      deleteSession(owner);
    } else if (roll < 53) {
      deleteSubject(owner);
    } else if (roll < 71) {
      searchText(owner);
    } else if (roll < 81) {
      searchVector(owner);
    } else if (roll < 91) {
      timeline(owner);
    } else if (roll < 98) {
      get(owner);
    } else {
      operation = "reopen";
      reopen.run();
    }
  }

  private void add(SubjectRef owner) {
    List<MemoryItem> items = new ArrayList<>();
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      items.add(newItem(owner));
    }
    operation = "add " + MemoryStoreContract.ids(items) + " to " + owner;
    store.get().add(items);
    model.add(items);
  }

  private MemoryItem newItem(SubjectRef owner) {
    String id = reusedId(owner);
    String session = SESSIONS.get(random.nextInt(SESSIONS.size()));
    long subjectSeq = nextSubjectSeq.merge(owner, 1L, Long::sum) - 1;
    long sessionSeq = nextSessionSeq.merge(owner + "/" + session, 1L, Long::sum) - 1;
    return TestItem.item(owner, id, words(2 + random.nextInt(5))).session(session)
        .seq(subjectSeq, sessionSeq).at(T0.plus(Duration.ofHours(random.nextInt(48)))).build();
  }

  /**
   * Mostly a new id; sometimes one the owner has (a replacement), or one an owner of the other
   * tenant has (ids are unique only within a tenant, so a store must keep the two apart).
   */
  private String reusedId(SubjectRef owner) {
    int roll = random.nextInt(10);
    SubjectRef source = roll < 2 ? owner : roll < 3 ? otherTenantOwner(owner) : null;
    List<String> existing = source == null ? List.of() : List.copyOf(model.items(source).keySet());
    return existing.isEmpty() ? "i" + nextId++ : existing.get(random.nextInt(existing.size()));
  }

  private SubjectRef otherTenantOwner(SubjectRef owner) {
    List<SubjectRef> others = OWNERS.stream()
        .filter(other -> !other.tenant().equals(owner.tenant())).toList();
    return others.get(random.nextInt(others.size()));
  }

  private void deleteItems(SubjectRef owner) {
    List<String> ids = new ArrayList<>(List.of("missing-" + random.nextInt(5)));
    List<String> existing = List.copyOf(model.items(owner).keySet());
    for (int n = random.nextInt(3); n > 0 && !existing.isEmpty(); n--) {
      ids.add(existing.get(random.nextInt(existing.size())));
    }
    List<String> foreign = List.copyOf(
        model.items(OWNERS.get(random.nextInt(OWNERS.size()))).keySet());
    if (!foreign.isEmpty()) {
      ids.add(foreign.get(random.nextInt(foreign.size()))); // counts only if the owner has it too
    }
    operation = "deleteItems " + ids + " of " + owner;
    assertThat(store.get().deleteItems(owner, ids)).isEqualTo(model.deleteItems(owner, ids));
  }

  private void deleteSession(SubjectRef owner) {
    String session = SESSIONS.get(random.nextInt(SESSIONS.size()));
    operation = "deleteSession " + session + " of " + owner;
    assertThat(store.get().deleteSession(owner, session))
        .isEqualTo(model.deleteSession(owner, session));
  }

  private void deleteSubject(SubjectRef owner) {
    operation = "deleteSubject " + owner;
    assertThat(store.get().deleteSubject(owner)).isEqualTo(model.deleteSubject(owner));
  }

  private void searchText(SubjectRef owner) {
    String word = WORDS.get(random.nextInt(WORDS.size()));
    int limit = 1 + random.nextInt(5);
    TimeRange range = randomRange();
    operation = "searchText '" + word + "' limit " + limit + " " + range + " of " + owner;
    List<ScoredItem> hits = store.get().searchText(owner, word, limit, range);
    var expected = model.containing(owner, word, range);
    List<String> ids = checkedHits(hits, limit);
    assertThat(expected).containsAll(ids);
    assertThat(ids).hasSize(Math.min(limit, expected.size()));
  }

  private void searchVector(SubjectRef owner) {
    int limit = 1 + random.nextInt(5);
    TimeRange range = randomRange();
    operation = "searchVector limit " + limit + " " + range + " of " + owner;
    float[] query = EMBEDDER.embedQuery(words(2));
    List<ScoredItem> hits = store.get().searchVector(owner, query, limit, range);
    var expected = model.inRange(owner, range);
    List<String> ids = checkedHits(hits, limit);
    assertThat(expected).containsAll(ids);
    assertThat(ids).hasSize(Math.min(limit, expected.size()));
  }

  private List<String> checkedHits(List<ScoredItem> hits, int limit) {
    List<String> ids = MemoryStoreContract.hitIds(hits);
    assertThat(ids).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(limit);
    for (int i = 1; i < hits.size(); i++) {
      assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
    }
    return ids;
  }

  private void timeline(SubjectRef owner) {
    long from = random.nextInt(Math.toIntExact(nextSubjectSeq.getOrDefault(owner, 0L) + 2));
    int limit = 1 + random.nextInt(10);
    operation = "timeline from " + from + " limit " + limit + " of " + owner;
    assertThat(MemoryStoreContract.ids(store.get().timeline(owner, from, limit)))
        .isEqualTo(model.timeline(owner, from, limit));
  }

  private void get(SubjectRef owner) {
    String id = "i" + random.nextInt(Math.max(1, nextId));
    operation = "get " + id + " of " + owner;
    MemoryItem expected = model.items(owner).get(id);
    var actual = store.get().get(owner, id);
    assertThat(actual.map(MemoryItem::text)).isEqualTo(
        Optional.ofNullable(expected).map(MemoryItem::text));
  }

  private void checkCounts() {
    MemoryStore current = store.get();
    for (SubjectRef owner : OWNERS) {
      assertThat(current.subjectStats(owner)).as("stats of " + owner)
          .isEqualTo(model.stats(owner));
    }
    for (String tenant : List.of("t1", "t2")) {
      assertThat(current.subjects(tenant)).isEqualTo(model.subjects(tenant));
    }
    StoreStats stats = current.stats();
    assertThat(stats.items()).isEqualTo(model.itemCount());
    assertThat(stats.subjects()).isEqualTo(model.subjectCount());
  }

  private TimeRange randomRange() {
    if (random.nextBoolean()) {
      return TimeRange.ALL;
    }
    Instant from = T0.plus(Duration.ofHours(random.nextInt(48)));
    Instant to = from.plus(Duration.ofHours(1 + random.nextInt(24)));
    int open = random.nextInt(3);
    return new TimeRange(open == 1 ? null : from, open == 2 ? null : to);
  }

  private String words(int count) {
    var picked = new ArrayList<String>();
    for (int i = 0; i < count; i++) {
      picked.add(WORDS.get(random.nextInt(WORDS.size())));
    }
    return String.join(" ", picked);
  }
}
