package dev.engram.fact;

import dev.engram.audit.AuditTrail;
import dev.engram.embed.Embedder;
import dev.engram.model.ItemKind;
import dev.engram.model.Lifecycle;
import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.model.SubjectRef;
import dev.engram.store.AuditAction;
import dev.engram.store.ItemFilter;
import dev.engram.store.MemoryStore;
import dev.engram.write.ContentHash;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stores facts as {@link ItemKind#FACT} items and keeps each attribute's history: a newer fact on
 * the same attribute supersedes the current one (which gets {@code validTo} and {@code
 * supersededBy} and stays for history); recall sees only current facts.
 *
 * <p><b>Order and ties.</b> Facts are ordered by {@code validFrom}, then by their source
 * episode's place in the subject's timeline, then by arrival; the later one wins. So conflicting
 * updates at the same timestamp resolve deterministically: the one stated later in the
 * conversation is current, and within one episode the later sentence wins. A fact that arrives
 * late but is older than the current one is stored already superseded. Restating the current
 * value is not a new fact.
 *
 * <p>Fact items live in session {@value #SESSION} (reserved), carry their source episode ids as
 * {@code sourceIds} and use the episode's vector when it is at hand (else they are embedded).
 * Thread-safe when its callers serialise writes (the write path and the editor do).
 */
public final class FactLedger {
  /** The reserved session of fact items. */
  public static final String SESSION = "~facts";
  private static final int MAX_FACTS = 100_000;

  private final MemoryStore store;
  private final Embedder embedder;
  private final AuditTrail audit;
  private final Clock clock;

  public FactLedger(MemoryStore store, Embedder embedder, AuditTrail audit, Clock clock) {
    this.store = store;
    this.embedder = embedder;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Stores {@code facts} of {@code owner} and supersedes what they replace, auditing both.
   *
   * @param sources the source episodes by id, with vectors if at hand; a fact whose source is
   *     neither here nor in the store is skipped
   * @return the fact items stored
   */
  public List<MemoryItem> record(
      SubjectRef owner, List<Fact> facts, Map<String, MemoryItem> sources, String reason) {
    return view(owner).plan(facts, sources).apply(reason);
  }

  /**
   * A view of {@code owner}'s facts for a run of plans (one bulk remember): it reads whether the
   * subject has facts when made, and reads them once, at the first plan with facts, if it has
   * any; each plan keeps the view current in memory, so later plans see earlier ones without
   * reading the store again. Valid while no other fact of the subject is written, and while each
   * plan is applied in order before the next is made.
   */
  public View view(SubjectRef owner) {
    return new View(owner);
  }

  /** See {@link #view}. Not thread-safe (one writer). */
  public final class View {
    private final SubjectRef owner;
    private Map<String, List<MemoryItem>> byAttribute;
    private long seq;

    private View(SubjectRef owner) {
      this.owner = owner;
      // Read now, before the caller writes: a subject with no facts yet (a new one, as in most
      // bulk imports) then needs no read at its first fact, which inside a batching store's unit
      // would make it show the writes before (a Lucene flush).
      this.seq = store.lastSessionSeq(owner, SESSION) + 1;
      if (seq == 0) {
        byAttribute = new HashMap<>();
      }
    }

    /**
     * Works out what {@link #record} would write for {@code facts}, reading the store but not
     * writing it, so that a caller can read before it writes (a read after a write makes a
     * batching store flush).
     */
    public Plan plan(List<Fact> facts, Map<String, MemoryItem> sources) {
      if (facts.isEmpty()) {
        return new Plan(owner, Map.of(), Map.of());
      }
      if (byAttribute == null) {
        byAttribute = new HashMap<>();
        for (MemoryItem fact : store.items(owner, ItemFilter.allOf(ItemKind.FACT), MAX_FACTS)) {
          byAttribute.computeIfAbsent(fact.lifecycle().attribute(), a -> new ArrayList<>())
              .add(fact);
        }
      }
      Instant now = clock.instant();
      Map<String, MemoryItem> added = new LinkedHashMap<>();
      Map<String, MemoryItem> closed = new LinkedHashMap<>();
      for (Fact fact : facts) {
        MemoryItem source = sources.containsKey(fact.sourceItemId())
            ? sources.get(fact.sourceItemId())
            : store.get(owner, fact.sourceItemId()).orElse(null);
        if (source == null) {
          continue;
        }
        List<MemoryItem> history =
            byAttribute.computeIfAbsent(fact.attribute(), a -> new ArrayList<>());
        MemoryItem current = history.stream().filter(f -> f.lifecycle().current())
            .max(ORDER).orElse(null);
        if (current != null && sameValue(current, fact.value())
            || history.stream().anyMatch(f -> f.id().equals(factId(owner, fact)))) {
          continue;
        }
        MemoryItem item = item(owner, fact, source, seq++, now);
        if (current != null && ORDER.compare(item, current) > 0) {
          MemoryItem old = current.withLifecycle(
              current.lifecycle().supersededAt(item.lifecycle().validFrom(), item.id()));
          closed.put(old.id(), old);
          history.replaceAll(f -> f.id().equals(old.id()) ? old : f);
        } else if (current != null) {
          item = item.withLifecycle(
              item.lifecycle().supersededAt(current.lifecycle().validFrom(), current.id()));
        }
        history.add(item);
        added.put(item.id(), item);
      }
      return new Plan(owner, added, closed);
    }
  }

  /**
   * The writes of one {@link #record}: facts to add and older ones they close. Apply it once,
   * with no other fact written in between (it numbers the facts from what the store held).
   */
  public final class Plan {
    private final SubjectRef owner;
    private final Map<String, MemoryItem> added;
    private final Map<String, MemoryItem> closed;

    private Plan(SubjectRef owner, Map<String, MemoryItem> added,
        Map<String, MemoryItem> closed) {
      this.owner = owner;
      this.added = added;
      this.closed = closed;
    }

    /** Stores the facts, closes what they supersede and audits both; returns the facts stored. */
    public List<MemoryItem> apply(String reason) {
      if (added.isEmpty()) {
        return List.of();
      }
      // A closed fact with its vector at hand (planned in this view) is written whole with the
      // new ones; only older facts need an update, which reads the store and so may make a
      // batching store show its pending writes (a Lucene flush) first.
      Map<String, MemoryItem> writes = new LinkedHashMap<>(added);
      List<String> stored = new ArrayList<>();
      for (MemoryItem old : closed.values()) {
        if (old.embedding() != null) {
          writes.put(old.id(), old);
        } else {
          stored.add(old.id());
        }
      }
      store.add(List.copyOf(writes.values()));
      if (!stored.isEmpty()) {
        // One update for all: each update call may make the store refresh its searcher.
        store.update(owner, stored, it -> it.withLifecycle(closed.get(it.id()).lifecycle()));
      }
      audit.record(owner, AuditAction.FACT, List.copyOf(added.keySet()), added.values().stream()
          .flatMap(f -> f.sourceIds().stream()).distinct().toList(), reason);
      for (MemoryItem old : closed.values()) {
        audit.record(owner, AuditAction.SUPERSEDE, List.of(old.id()),
            List.of(old.lifecycle().supersededBy()), "newer value on '"
                + old.lifecycle().attribute() + "'");
      }
      return List.copyOf(added.values());
    }
  }

  /** The subject's current facts, in timeline order. */
  public List<MemoryItem> current(SubjectRef owner) {
    return store.items(owner, ItemFilter.current(ItemKind.FACT), MAX_FACTS);
  }

  /** Every fact on {@code attribute}, superseded ones included, oldest first. */
  public List<MemoryItem> history(SubjectRef owner, String attribute) {
    String wanted = RuleFactExtractor.normalise(Require.nonBlank(attribute, "attribute"));
    return store.items(owner, ItemFilter.allOf(ItemKind.FACT), MAX_FACTS).stream()
        .filter(f -> wanted.equals(f.lifecycle().attribute())).sorted(ORDER).toList();
  }

  /** Orders facts of one attribute: validFrom, then source timeline place, then arrival. */
  static final Comparator<MemoryItem> ORDER =
      Comparator.comparing((MemoryItem f) -> f.lifecycle().validFrom())
          .thenComparingLong(MemoryItem::subjectSeq).thenComparingLong(MemoryItem::sessionSeq);

  /** How a fact reads in a context: {@code attribute: value}. */
  public static String render(String attribute, String value) {
    return attribute + ": " + value;
  }

  private MemoryItem item(SubjectRef owner, Fact fact, MemoryItem source, long seq, Instant now) {
    String text = render(fact.attribute(), fact.value());
    float[] vector = source.embedding() != null ? source.embedding()
        : embedder.embed(List.of(text))[0];
    String id = factId(owner, fact);
    return new MemoryItem(id, owner, SESSION, ItemKind.FACT, seq, source.subjectSeq(),
        fact.validFrom(), now, text, text + "\n" + fact.evidence(), List.of(source.id()), id,
        vector, Lifecycle.fact(fact.attribute(), fact.validFrom()));
  }

  private static String factId(SubjectRef owner, Fact fact) {
    return "f-" + ContentHash.of(18, owner.tenant(), owner.subject(), fact.attribute(),
        fact.value().toLowerCase(Locale.ROOT), fact.sourceItemId());
  }

  private static boolean sameValue(MemoryItem fact, String value) {
    String stored = fact.text().substring(fact.text().indexOf(": ") + 2);
    return stored.equalsIgnoreCase(value.strip());
  }
}
