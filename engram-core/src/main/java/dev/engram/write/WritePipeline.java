package dev.engram.write;

import dev.engram.audit.AuditTrail;
import dev.engram.embed.Embedder;
import dev.engram.fact.Fact;
import dev.engram.fact.FactExtractor;
import dev.engram.fact.FactLedger;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.model.SubjectRef;
import dev.engram.store.AuditAction;
import dev.engram.store.MemoryStore;
import dev.engram.summary.CompactMemory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToLongFunction;

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
   * @param gated true for conversation rounds, which pass the admission gate and get a round's
   *     index key ({@link RoundKey}); false for document pages, which are all admitted and
   *     indexed as they are
   */
  public RememberResult remember(
      SubjectRef owner, String session, List<Segment> segments, boolean gated) {
    return rememberAll(owner, List.of(new Batch(session, segments, gated)));
  }

  /**
   * Remembers several sessions (or documents) of one subject, in order, embedding all their new
   * segments in one embedder call: a bulk import runs at the model's batch speed instead of paying
   * a half-empty batch per session. Nothing is stored if embedding fails. The batches are then
   * stored as one unit ({@link MemoryStore#atomically}): on a store that batches (Lucene) that is
   * one commit, durable together when this returns. A crash before it returns leaves none of them
   * on such a store (a prefix of them on one that commits each write); calling again stores what
   * is missing (what is stored is skipped as a duplicate). The call reads what it needs before it
   * writes (sequence numbers, facts, summaries, the novelty gate's neighbours) and keeps what it
   * writes in memory (facts it supersedes, episodes a merge counts a hit on, level-1 summaries
   * for a level-2 rebuild), so such a store shows its pending writes (a Lucene flush) once per
   * window of up to 2,048 rounds, not once per session. Updating an item stored before the call
   * (a fact it supersedes, an episode a merge counts a hit on) still reads it, a flush more.
   */
  public RememberResult rememberAll(SubjectRef owner, List<Batch> batches) {
    writeLock.lock();
    try {
      Instant now = clock.instant();
      Set<String> seen = new HashSet<>();
      Map<String, String> lastRound = new HashMap<>();
      // Read once per session: the round keys and the sequence numbers both need it.
      Map<String, Long> lastSeqs = new HashMap<>();
      ToLongFunction<String> lastStored =
          session -> lastSeqs.computeIfAbsent(session, s -> store.lastSessionSeq(owner, s));
      List<Fresh> fresh = new ArrayList<>(batches.size());
      List<String> inputs = new ArrayList<>();
      for (Batch batch : batches) {
        Fresh next = fresh(owner, batch, seen, lastRound, lastStored);
        fresh.add(next);
        next.segments().forEach(segment -> inputs.add(EmbeddingInput.of(segment.text())));
      }
      float[][] vectors = inputs.isEmpty() ? new float[0][] : embedder.embed(inputs);
      Sequences seqs = Sequences.read(store, owner, batches, fresh, lastStored);
      Call call = new Call(seqs, gate.call(owner, vectors),
          parts == null ? null : parts.facts().view(owner),
          parts == null ? null : parts.compact().view(owner, seqs.lastSubject(inputs.size())),
          new HashMap<>());
      return store.atomically(() -> {
        RememberResult total = new RememberResult(List.of(), 0);
        int offset = 0;
        for (int i = 0; i < batches.size(); i++) {
          Fresh next = fresh.get(i);
          int count = next.segments().size();
          float[][] mine = Arrays.copyOfRange(vectors, offset, offset + count);
          total = total.plus(store(owner, batches.get(i), next, mine, now, call, offset));
          offset += count;
        }
        return total;
      });
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * One session's (or document's) segments for {@link #rememberAll}.
   *
   * @param session the session or document id
   * @param segments its rounds or pages, in order
   * @param gated true for conversation rounds (admission gate, {@link RoundKey}); false for
   *     document pages
   */
  public record Batch(String session, List<Segment> segments, boolean gated) {
    public Batch {
      Require.nonBlank(session, "session");
      segments = List.copyOf(Require.nonNull(segments, "segments"));
    }
  }

  /**
   * What one {@link #rememberAll} call keeps between its sessions, so that each session's reads
   * come before its writes and a batching store (Lucene) shows its pending writes once per gate
   * window rather than after every write: the sequence numbers, the novelty gate's lookups
   * ({@link NoveltyGate#call}), the subject's facts ({@link FactLedger#view}) and how far its
   * level-2 summary reaches ({@link CompactMemory#view}), null for a plain pipeline; and the
   * episodes stored so far in the call by id, as stored (vectors included), so that a merge into
   * one of them counts its hit without reading the store.
   */
  private record Call(Sequences seqs, NoveltyGate.Call gate, FactLedger.View facts,
      CompactMemory.View summaries, Map<String, MemoryItem> episodes) {}

  /**
   * The next sequence numbers of one {@link #rememberAll} call, read from the store once before it
   * writes and then advanced in memory: within the call only its episodes raise them (facts and
   * summaries take numbers at or below the last episode's). This keeps the store from counting
   * the whole subject once per session, and it keeps reads from forcing a batching store to show
   * its pending writes.
   */
  private static final class Sequences {
    private final Map<String, Long> nextInSession = new HashMap<>();
    private long nextInSubject;

    /** @param lastStored a session's highest stored {@code sessionSeq}, or -1 */
    static Sequences read(MemoryStore store, SubjectRef owner, List<Batch> batches,
        List<Fresh> fresh, ToLongFunction<String> lastStored) {
      Sequences seqs = new Sequences();
      seqs.nextInSubject = store.subjectStats(owner).lastSubjectSeq() + 1;
      for (int i = 0; i < batches.size(); i++) {
        String session = batches.get(i).session();
        if (!fresh.get(i).segments().isEmpty() && !seqs.nextInSession.containsKey(session)) {
          seqs.nextInSession.put(session, lastStored.applyAsLong(session) + 1);
        }
      }
      return seqs;
    }

    /** The last number in the subject's timeline once {@code count} more are taken. */
    long lastSubject(int count) {
      return nextInSubject + count - 1;
    }

    /** The first of {@code count} numbers in {@code session}. */
    long take(String session, int count) {
      long first = nextInSession.get(session);
      nextInSession.put(session, first + count);
      return first;
    }

    /** The first of {@code count} numbers in the subject's timeline. */
    long takeSubject(int count) {
      long first = nextInSubject;
      nextInSubject += count;
      return first;
    }
  }

  /**
   * A batch's segments not stored yet, their content hashes and index keys, and how many were
   * duplicates.
   */
  private record Fresh(List<Segment> segments, List<String> hashes, List<String> keys,
      int skipped) {}

  /**
   * The new segments of {@code batch}. A round's key borrows from its neighbours in the batch,
   * stored or not, and a new first round from the round before it: the session's last round in
   * this call ({@code lastRound}, by session) or else in the store ({@link RoundKey}). A
   * document page's key is its text.
   *
   * @param lastStored a session's highest stored {@code sessionSeq}, or -1
   */
  private Fresh fresh(SubjectRef owner, Batch batch, Set<String> seen,
      Map<String, String> lastRound, ToLongFunction<String> lastStored) {
    List<Segment> segments = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<Segment> all = batch.segments();
    for (int i = 0; i < all.size(); i++) {
      Segment segment = all.get(i);
      String hash = ContentHash.of(32, batch.session(), segment.text());
      if (seen.add(hash) && !store.containsHash(owner, hash)) {
        segments.add(segment);
        hashes.add(hash);
        keys.add(!batch.gated() ? segment.text() : RoundKey.key(all, i,
            i == 0 ? roundBefore(owner, batch.session(), lastRound, lastStored) : null));
      }
    }
    if (batch.gated() && !all.isEmpty()) {
      lastRound.put(batch.session(), all.get(all.size() - 1).text());
    }
    return new Fresh(segments, hashes, keys, all.size() - segments.size());
  }

  /** The text of the session's last round so far (in this call, else stored), or null. */
  private String roundBefore(SubjectRef owner, String session, Map<String, String> lastRound,
      ToLongFunction<String> lastStored) {
    String inCall = lastRound.get(session);
    if (inCall != null) {
      return inCall;
    }
    long last = lastStored.applyAsLong(session);
    if (last < 0) {
      return null;
    }
    return store.sessionRange(owner, session, last, last).stream()
        .filter(item -> item.kind() == ItemKind.EPISODE).map(MemoryItem::text)
        .findFirst().orElse(null);
  }

  private RememberResult store(SubjectRef owner, Batch batch, Fresh fresh, float[][] vectors,
      Instant now, Call call, int offset) {
    if (fresh.segments().isEmpty()) {
      return new RememberResult(List.of(), fresh.skipped());
    }
    List<MemoryItem> items =
        items(owner, batch.session(), fresh, now, vectors, call.seqs());
    if (parts == null) {
      store.add(items);
      return new RememberResult(items.stream().map(MemoryItem::id).toList(), fresh.skipped());
    }
    // One unit: the episodes, their facts, summaries and audit events commit together.
    return store.atomically(() -> rememberWithParts(owner, batch.session(), items, batch.gated(),
        now, call, offset)).withSkipped(fresh.skipped());
  }

  private RememberResult rememberWithParts(SubjectRef owner, String session,
      List<MemoryItem> items, boolean gated, Instant now, Call call, int offset) {
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
        call.gate().decide(List.copyOf(expanded.values()), factBacked, gated, offset);
    Merges merges = Merges.apply(expanded, admissions, now);
    List<MemoryItem> stored = List.copyOf(expanded.values());
    // Every read before the first write (see Call).
    FactLedger.Plan factWrites = call.facts().plan(facts, expanded);
    CompactMemory.Refresh summaryWrites = call.summaries().plan(session, stored);
    store.add(stored);
    List<String> ids = stored.stream().map(MemoryItem::id).toList();
    parts.audit().record(owner, AuditAction.REMEMBER, ids, List.of(), "session " + session
        + (merges.ids().isEmpty() ? "" : "; admitted " + (ids.size() - merges.ids().size())
            + " of " + ids.size()));
    stored.forEach(item -> call.episodes().put(item.id(), item));
    if (!merges.ids().isEmpty()) {
      countHits(owner, merges.storedTargets(), now, call.episodes());
      parts.audit().record(owner, AuditAction.MERGE, merges.ids(), merges.targets(),
          merges.why(gate.policy()));
    }
    factWrites.apply("extracted on remember");
    summaryWrites.apply();
    return new RememberResult(ids, 0, merges.ids());
  }

  /**
   * Counts one access of each target at {@code now}. A target stored earlier in the call is
   * written again from memory; only older ones are updated through the store, since an update
   * reads it, which after the call's first write makes a batching store show its pending writes
   * (a Lucene flush).
   */
  private void countHits(SubjectRef owner, List<String> targets, Instant now,
      Map<String, MemoryItem> inCall) {
    List<MemoryItem> rewritten = new ArrayList<>();
    List<String> older = new ArrayList<>();
    for (String target : new LinkedHashSet<>(targets)) {
      MemoryItem item = inCall.get(target);
      if (item == null) {
        older.add(target);
      } else {
        MemoryItem hit = item.withLifecycle(item.lifecycle().accessed(now));
        inCall.put(target, hit);
        rewritten.add(hit);
      }
    }
    if (!rewritten.isEmpty()) {
      store.add(rewritten);
    }
    if (!older.isEmpty()) {
      store.recordAccess(owner, older, now);
    }
  }

  /** An episode's key with its facts appended as {@code attribute: value} lines. */
  public static String expandedKey(String key, List<Fact> facts) {
    StringBuilder out = new StringBuilder(key);
    for (Fact fact : facts) {
      out.append('\n').append(FactLedger.render(fact.attribute(), fact.value()));
    }
    return out.toString();
  }

  private List<MemoryItem> items(SubjectRef owner, String session, Fresh fresh, Instant now,
      float[][] vectors, Sequences seqs) {
    List<Segment> segments = fresh.segments();
    long sessionSeq = seqs.take(session, segments.size());
    long subjectSeq = seqs.takeSubject(segments.size());
    List<MemoryItem> items = new ArrayList<>(segments.size());
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      Instant eventTime = segment.eventTime() != null ? segment.eventTime() : now;
      String id = ContentHash.of(20, owner.tenant(), owner.subject(), session, segment.text());
      items.add(new MemoryItem(
          id, owner, session, ItemKind.EPISODE, sessionSeq + i, subjectSeq + i, eventTime, now,
          segment.text(), fresh.keys().get(i), segment.sourceIds(), fresh.hashes().get(i),
          vectors[i]));
    }
    return items;
  }
}
