package dev.engram;

import dev.engram.audit.AuditTrail;
import dev.engram.embed.Embedder;
import dev.engram.fact.Fact;
import dev.engram.fact.FactLedger;
import dev.engram.model.ItemKind;
import dev.engram.model.Lifecycle;
import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.model.SubjectRef;
import dev.engram.store.AuditAction;
import dev.engram.store.MemoryStore;
import dev.engram.summary.CompactMemory;
import dev.engram.write.ContentHash;
import dev.engram.write.WritePipeline;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Changes a memory after the fact, for background enrichment: an LLM fact extractor adds facts
 * to episodes already remembered, an LLM summarizer replaces a summary. Each change takes the
 * memory's write lock, supersedes like any fact, and is audited under the editor's actor.
 * Obtain one with {@link Engram#editor(String)}. Thread-safe.
 */
public final class MemoryEditor {
  private final Function<String, SubjectRef> owners;
  private final ReentrantLock writeLock;
  private final FactLedger facts;
  private final MemoryStore store;
  private final Embedder embedder;
  private final AuditTrail audit;
  private final Clock clock;

  MemoryEditor(Function<String, SubjectRef> owners, ReentrantLock writeLock, FactLedger facts,
      MemoryStore store, Embedder embedder, AuditTrail audit, Clock clock) {
    this.owners = owners;
    this.writeLock = writeLock;
    this.facts = facts;
    this.store = store;
    this.embedder = embedder;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Adds facts about episodes of {@code subject} (each fact's {@code sourceItemId} must be one of
   * its episodes; facts of unknown episodes are skipped), appends them to the episodes' index
   * keys, and supersedes older values.
   *
   * @return the fact items stored (restated current values are not stored again)
   */
  public List<MemoryItem> addFacts(String subject, List<Fact> newFacts, String reason) {
    SubjectRef owner = owners.apply(subject);
    Require.nonNull(newFacts, "facts");
    writeLock.lock();
    try {
      List<MemoryItem> stored = facts.record(owner, newFacts, Map.of(), reason);
      Map<String, List<Fact>> bySource = new HashMap<>();
      for (Fact fact : newFacts) {
        if (stored.stream().anyMatch(item -> item.sourceIds().contains(fact.sourceItemId())
            && item.lifecycle().attribute().equals(fact.attribute()))) {
          bySource.computeIfAbsent(fact.sourceItemId(), id -> new java.util.ArrayList<>())
              .add(fact);
        }
      }
      bySource.forEach((episode, found) -> store.update(owner, List.of(episode),
          it -> it.withKey(WritePipeline.expandedKey(it.key(), found))));
      return stored;
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Replaces the level-1 summary of {@code session}, or the subject's level-2 summary when
   * {@code session} is null, with {@code text} (e.g. an abstractive LLM summary).
   *
   * @return the summary item's id
   */
  public String replaceSummary(String subject, String session, String text, String reason) {
    SubjectRef owner = owners.apply(subject);
    Require.nonBlank(text, "text");
    writeLock.lock();
    try {
      String id = session == null
          ? "s2-" + ContentHash.of(18, owner.tenant(), owner.subject())
          : CompactMemory.sessionSummaryId(owner, session);
      Optional<MemoryItem> old = store.get(owner, id);
      long seq = store.subjectStats(owner).lastSubjectSeq();
      MemoryItem item = new MemoryItem(id, owner, CompactMemory.SESSION, ItemKind.SUMMARY,
          old.map(MemoryItem::sessionSeq).orElse(Math.max(0, seq)),
          old.map(MemoryItem::subjectSeq).orElse(Math.max(0, seq)),
          old.map(MemoryItem::eventTime).orElse(clock.instant()), clock.instant(), text, text,
          session == null ? List.of() : List.of(session), id,
          embedder.embed(List.of(text))[0],
          new Lifecycle(dev.engram.model.Tier.HOT, false,
              session == null ? Lifecycle.LEVEL_SUBJECT : Lifecycle.LEVEL_SESSION, null, null,
              null, 0, 0, null));
      store.add(List.of(item));
      audit.record(owner, AuditAction.SUMMARY, List.of(id), List.of(), reason);
      return id;
    } finally {
      writeLock.unlock();
    }
  }
}
