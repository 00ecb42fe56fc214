package dev.engram.write;

import dev.engram.audit.AuditTrail;
import dev.engram.embed.Embedder;
import dev.engram.fact.Fact;
import dev.engram.fact.FactExtractor;
import dev.engram.fact.FactLedger;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.store.AuditAction;
import dev.engram.store.MemoryStore;
import dev.engram.summary.CompactMemory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns segments into stored episodes: skips exact duplicates, numbers them in their session and
 * in the subject's timeline, embeds them in one batch and stores them in one atomic, durable
 * {@link MemoryStore#add} call. Never calls an LLM.
 *
 * <p>When configured with the memory's parts ({@link Parts}) it also extracts facts from each
 * new episode and adds them to the episode's index key (the value stays verbatim), records the
 * facts (superseding older values), audits the remember, and refreshes the compact memory. Those
 * steps run after the episodes are durable; a failure in them never loses an episode.
 *
 * <p>Thread-safe: writes are serialised so that sequence numbers stay dense and ordered.
 */
public final class WritePipeline {
  /**
   * Characters of an episode that the embedder sees (~256 tokens): the user turn and the start of
   * the reply. Transformer cost grows with input length, long replies are mostly filler for
   * retrieval, and the lexical index still sees every word; bge would cut at 512 tokens anyway.
   */
  public static final int EMBED_CHARS = 1024;

  private final MemoryStore store;
  private final Embedder embedder;
  private final Clock clock;
  private final ReentrantLock writeLock;
  private final Parts parts;
  private final NoveltyGate gate;

  /**
   * The memory's write-side parts.
   *
   * @param extractor finds facts in new episodes
   * @param facts stores them
   * @param compact keeps the summaries
   * @param audit logs every change
   * @param writeLock the memory's one write lock, shared with forgetting and editing
   * @param admission which new rounds go to the hot index
   */
  public record Parts(FactExtractor extractor, FactLedger facts, CompactMemory compact,
      AuditTrail audit, ReentrantLock writeLock, AdmissionPolicy admission) {}

  /** A plain pipeline: episodes only, no facts, summaries or audit. */
  public WritePipeline(MemoryStore store, Embedder embedder, Clock clock) {
    this(store, embedder, clock, null);
  }

  /** A pipeline with the memory's parts (null for a plain one). */
  public WritePipeline(MemoryStore store, Embedder embedder, Clock clock, Parts parts) {
    this.store = store;
    this.embedder = embedder;
    this.clock = clock;
    this.parts = parts;
    this.writeLock = parts == null ? new ReentrantLock() : parts.writeLock();
    this.gate = new NoveltyGate(store,
        parts == null ? AdmissionPolicy.ADMIT_ALL : parts.admission());
  }

  /**
   * Remembers segments of one session.
   *
   * <p>A segment whose text the session already holds is skipped (so re-ingesting a file is a
   * no-op); the same text in another session is a new event and is kept. Rounds pass the
   * admission gate; use {@link #remember(SubjectRef, String, List, boolean)} for documents.
   */
  public RememberResult remember(SubjectRef owner, String session, List<Segment> segments) {
    return remember(owner, session, segments, true);
  }

  /**
   * Remembers segments of one session or document.
   *
   * @param gated whether the admission gate applies (rounds); false for document pages, which are
   *     all admitted
   */
  public RememberResult remember(
      SubjectRef owner, String session, List<Segment> segments, boolean gated) {
    writeLock.lock();
    try {
      Instant now = clock.instant();
      List<Segment> fresh = new ArrayList<>();
      List<String> hashes = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Segment segment : segments) {
        String hash = ContentHash.of(32, session, segment.text());
        if (seen.add(hash) && !store.containsHash(owner, hash)) {
          fresh.add(segment);
          hashes.add(hash);
        }
      }
      int skipped = segments.size() - fresh.size();
      if (fresh.isEmpty()) {
        return new RememberResult(List.of(), skipped);
      }
      List<MemoryItem> items = items(owner, session, fresh, hashes, now);
      if (parts == null) {
        store.add(items);
        return new RememberResult(items.stream().map(MemoryItem::id).toList(), skipped);
      }
      // One unit: the episodes, their facts, summaries and audit events commit together.
      return store.atomically(() -> rememberWithParts(owner, session, items, gated, now))
          .withSkipped(skipped);
    } finally {
      writeLock.unlock();
    }
  }

  private RememberResult rememberWithParts(SubjectRef owner, String session,
      List<MemoryItem> items, boolean gated, Instant now) {
    List<Fact> facts = new ArrayList<>();
    List<Boolean> factBacked = new ArrayList<>();
    Map<String, MemoryItem> expanded = new LinkedHashMap<>();
    for (MemoryItem item : items) {
      List<Fact> found = parts.extractor().extract(item);
      facts.addAll(found);
      factBacked.add(!found.isEmpty());
      expanded.put(item.id(), item.withKey(expandedKey(item.key(), found)));
    }
    List<Admission> admissions =
        gate.decide(owner, List.copyOf(expanded.values()), factBacked, gated);
    Merges merges = Merges.apply(expanded, admissions, now);
    List<MemoryItem> stored = List.copyOf(expanded.values());
    store.add(stored);
    List<String> ids = stored.stream().map(MemoryItem::id).toList();
    parts.audit().record(owner, AuditAction.REMEMBER, ids, List.of(), "session " + session
        + (merges.ids().isEmpty() ? "" : "; admitted " + (ids.size() - merges.ids().size())
            + " of " + ids.size()));
    if (!merges.ids().isEmpty()) {
      store.recordAccess(owner, merges.storedTargets(), now);
      parts.audit().record(owner, AuditAction.MERGE, merges.ids(), merges.targets(),
          merges.why(gate.policy()));
    }
    parts.facts().record(owner, facts, expanded, "extracted on remember");
    parts.compact().afterRemember(owner, session, stored.get(stored.size() - 1));
    return new RememberResult(ids, 0, merges.ids());
  }

  /** An episode's key with its facts appended as {@code attribute: value} lines. */
  public static String expandedKey(String key, List<Fact> facts) {
    StringBuilder out = new StringBuilder(key);
    for (Fact fact : facts) {
      out.append('\n').append(FactLedger.render(fact.attribute(), fact.value()));
    }
    return out.toString();
  }

  /** The part of an episode's text that is embedded: at most {@link #EMBED_CHARS}, cut at a space. */
  static String embeddingInput(String text) {
    if (text.length() <= EMBED_CHARS) {
      return text;
    }
    int cut = text.lastIndexOf(' ', EMBED_CHARS);
    return text.substring(0, cut > EMBED_CHARS / 2 ? cut : EMBED_CHARS);
  }

  private List<MemoryItem> items(
      SubjectRef owner, String session, List<Segment> segments, List<String> hashes, Instant now) {
    long sessionSeq = store.lastSessionSeq(owner, session) + 1;
    long subjectSeq = store.subjectStats(owner).lastSubjectSeq() + 1;
    float[][] vectors =
        embedder.embed(segments.stream().map(s -> embeddingInput(s.text())).toList());
    List<MemoryItem> items = new ArrayList<>(segments.size());
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      Instant eventTime = segment.eventTime() != null ? segment.eventTime() : now;
      String id = ContentHash.of(20, owner.tenant(), owner.subject(), session, segment.text());
      items.add(new MemoryItem(
          id, owner, session, ItemKind.EPISODE, sessionSeq + i, subjectSeq + i, eventTime, now,
          segment.text(), segment.text(), segment.sourceIds(), hashes.get(i), vectors[i]));
    }
    return items;
  }
}
