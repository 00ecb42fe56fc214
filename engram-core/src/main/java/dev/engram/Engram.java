package dev.engram;

import dev.engram.audit.AuditTrail;
import dev.engram.audit.Rollback;
import dev.engram.embed.Embedder;
import dev.engram.embed.EmbedderInfo;
import dev.engram.fact.FactExtractor;
import dev.engram.fact.FactLedger;
import dev.engram.forget.ForgetReport;
import dev.engram.forget.ForgetSelector;
import dev.engram.forget.Forgetting;
import dev.engram.model.Document;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Require;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.model.Tier;
import dev.engram.read.Context;
import dev.engram.read.Explanation;
import dev.engram.read.RecallPipeline;
import dev.engram.read.RecallRequest;
import dev.engram.reader.Answer;
import dev.engram.reader.Reader;
import dev.engram.retain.Pruner;
import dev.engram.retain.RetentionPolicy;
import dev.engram.store.AuditAction;
import dev.engram.store.AuditEvent;
import dev.engram.store.MemoryStore;
import dev.engram.store.StoreStats;
import dev.engram.store.SubjectStats;
import dev.engram.write.RememberResult;
import dev.engram.write.Segmenter;
import dev.engram.summary.CompactMemory;
import dev.engram.summary.Summarizer;
import dev.engram.write.WritePipeline;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A long-term memory: remembers conversations and documents verbatim and durably, recalls what
 * matters for a query under a token budget, answers from it with citations, and forgets on request.
 *
 * <pre>{@code
 * try (Engram engram = Engram.open(Path.of("memory"))) {
 *   engram.remember("alice", new Session("s1", null, List.of(
 *       Message.user("My dog Max turned three today."),
 *       Message.assistant("Happy birthday to Max!"))));
 *   Answer answer = engram.ask("alice", "How old is my dog?");
 * }
 * }</pre>
 *
 * <p>One instance serves one tenant (see {@link Builder#tenant}); every call names the subject
 * whose memory it touches, and nothing crosses subjects or tenants.
 *
 * <p>Thread-safe: any number of threads may recall and ask while others remember and forget;
 * writes are serialised. Close it to release the store's files and the embedder's native memory.
 */
public final class Engram implements AutoCloseable {
  private final String tenant;
  private final MemoryStore store;
  private final Embedder embedder;
  private final Reader reader;
  private final int budget;
  private final boolean ownsStore;
  private final boolean ownsEmbedder;
  private final Segmenter segmenter = new Segmenter();
  private final WritePipeline writes;
  private final RecallPipeline reads;
  private final Clock clock;
  private final FactExtractor extractor;
  private final Summarizer summarizer;
  private final int summaryEveryTurns;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final AuditTrail audit;
  private final FactLedger facts;
  private final CompactMemory compact;
  private final dev.engram.retain.AccessTracker accesses;
  private final java.util.concurrent.Executor executor;
  /** Whether an access-count flush is queued on {@link #executor} and has not started. */
  private final java.util.concurrent.atomic.AtomicBoolean flushQueued =
      new java.util.concurrent.atomic.AtomicBoolean();
  /** Set by {@link #close} under the write lock; a flush that runs later does nothing. */
  private boolean closed;

  Engram(EngramBuilder builder) {
    this.tenant = builder.tenant;
    this.store = builder.store;
    this.embedder = builder.embedder;
    this.reader = builder.reader;
    this.budget = builder.budget;
    this.ownsStore = builder.ownsStore;
    this.ownsEmbedder = builder.ownsEmbedder;
    this.clock = builder.clock;
    this.extractor = builder.factExtractor;
    this.summarizer = builder.summarizer;
    this.summaryEveryTurns = builder.summaryEveryTurns;
    this.audit = new AuditTrail(store, clock, builder.actor);
    this.facts = new FactLedger(store, embedder, audit, clock);
    this.compact = new CompactMemory(store, embedder, summarizer, audit, clock, summaryEveryTurns);
    this.writes = new WritePipeline(store, embedder, clock,
        new WritePipeline.Parts(extractor, facts, compact, audit, writeLock, builder.admission));
    this.reads = new RecallPipeline(store, embedder, clock);
    this.accesses = new dev.engram.retain.AccessTracker(!builder.readOnly);
    this.executor = builder.executor;
  }

  /**
   * Opens (or creates) the memory in {@code dataDir} with the default store (Lucene) and the
   * bundled embedder, found on the class path.
   *
   * @throws dev.engram.store.StoreException if the directory is not an Engram store, was written
   *     by another version or embedder, or is locked by another process
   */
  public static Engram open(Path dataDir) {
    return builder().dataDir(dataDir).build();
  }

  /** A builder; its Javadoc lists every default. */
  public static Builder builder() {
    return new EngramBuilder();
  }

  /** Remembers one conversation session (split into rounds). Durable when it returns. */
  public RememberResult remember(String subject, Session session) {
    return writes.remember(owner(subject), session.id(), segmenter.rounds(session));
  }

  /**
   * Remembers several sessions of one subject in order, as {@link #remember(String, Session)}
   * would one by one, but with all their new rounds embedded in one call: the way to import a
   * history (several times faster per round than one call per session for short sessions). The
   * sessions are stored as one unit: durable together when this returns (one commit on the Lucene
   * store). If the call fails part-way, calling again stores what is missing (what is stored is
   * skipped as a duplicate); to keep a long import's progress across a crash, call it per group
   * of sessions, as {@code engram ingest} does.
   */
  public RememberResult rememberAll(String subject, List<Session> sessions) {
    SubjectRef owner = owner(subject);
    List<WritePipeline.Batch> batches = new java.util.ArrayList<>(sessions.size());
    for (Session session : Require.nonNull(sessions, "sessions")) {
      batches.add(new WritePipeline.Batch(session.id(), segmenter.rounds(session), true));
    }
    return writes.rememberAll(owner, batches);
  }

  /** Remembers turns as session {@code sessionId}; a convenience for {@link #remember(String, Session)}. */
  public RememberResult remember(String subject, String sessionId, List<Message> messages) {
    return remember(subject, new Session(sessionId, null, messages));
  }

  /** Remembers a document (split into overlapping pages). Durable when it returns. */
  public RememberResult remember(String subject, Document document) {
    return writes.remember(owner(subject), document.id(), segmenter.pages(document), false);
  }

  /** Recalls memory for {@code query} with the default budget and order. */
  public Context recall(String subject, String query) {
    return recall(subject, RecallRequest.of(query).withBudget(budget));
  }

  /**
   * Recalls and packs memory for a request. A subject with no memory gets an
   * {@link Context.Mode#EMPTY empty} context, not an error.
   */
  public Context recall(String subject, RecallRequest request) {
    SubjectRef owner = owner(subject);
    Context context = reads.recall(owner, Require.nonNull(request, "request"));
    // Packed episodes count as accessed (retention, F3); written in batches, never per read,
    // and off the recalling thread: a batch of updates and a commit on the recall path made
    // the tail of recall latency (LongMemEval on Lucene: p99 76 ms against a p95 of 21 ms).
    accesses.record(owner, context.items(), clock.instant());
    if (accesses.due() && flushQueued.compareAndSet(false, true)) {
      try {
        executor.execute(this::flushAccesses);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        flushQueued.set(false); // counts stay pending; the next recall or close writes them
      }
    }
    return context;
  }

  /** Writes the pending access counts under the write lock (see {@link Builder#executor}). */
  private void flushAccesses() {
    writeLock.lock();
    try {
      flushQueued.set(false);
      if (!closed) {
        accesses.flush(store);
      }
    } finally {
      writeLock.unlock();
    }
  }

  /** Recalls for {@code question} and answers it with the configured reader. */
  public Answer ask(String subject, String question) {
    return ask(subject, RecallRequest.of(question).withBudget(budget));
  }

  /** Recalls for a request and answers its query with the configured reader. */
  public Answer ask(String subject, RecallRequest request) {
    return reader.answer(request.query(), recall(subject, request));
  }

  /** Why {@code itemId} ranked where it did for {@code query}, and whether it was packed. */
  public Explanation explain(String subject, String query, String itemId) {
    return recall(subject, query).explain(Require.nonBlank(itemId, "itemId"));
  }

  /**
   * Forgets items by id (episodes, notes or facts) with the facts derived from them; returns how
   * many existed. Deleted from every index and file when it returns.
   */
  public int forgetItems(String subject, Collection<String> ids) {
    ForgetReport report = forget(subject,
        ForgetSelector.ids(List.copyOf(Require.nonNull(ids, "ids"))), false, "");
    return report.episodeIds().size()
        + (int) report.factIds().stream().filter(ids::contains).count();
  }

  /** Forgets a whole session or document (with derived facts); returns how many episodes it had. */
  public int forgetSession(String subject, String sessionId) {
    return forget(subject, ForgetSelector.session(sessionId), false, "").episodeIds().size();
  }

  /**
   * Forgets everything about a subject; returns how many items it had (facts and summaries
   * included). Its audit log stays.
   */
  public int forgetSubject(String subject) {
    SubjectRef owner = owner(subject);
    return locked(() -> {
      int count = store.deleteSubject(owner);
      if (count > 0) {
        audit.record(owner, AuditAction.FORGET, List.of(), List.of(),
            "the whole subject (" + count + " items)");
      }
      return count;
    });
  }

  /**
   * Forgets what {@code selector} names (by id, session, subject, time range and/or query),
   * with derived facts, rebuilding the summaries that covered it; or, in a dry run, only reports
   * what would go. Forgetting what does not exist changes nothing ({@link ForgetReport#nothing}).
   *
   * @param reason recorded in the audit log (never the forgotten text); may be empty
   */
  public ForgetReport forget(String subject, ForgetSelector selector, boolean dryRun,
      String reason) {
    SubjectRef owner = owner(subject);
    Require.nonNull(selector, "selector");
    if (selector.all() && !dryRun) {
      int count = forgetSubject(subject);
      return new ForgetReport(false, count == 0 ? List.of() : List.of("*"), List.of(), List.of(),
          List.of());
    }
    return locked(() -> new Forgetting(store, compact, audit).forget(owner, selector, dryRun,
        reason));
  }

  /** The subject's current facts (superseded values hidden), in timeline order. */
  public List<MemoryItem> facts(String subject) {
    return facts.current(owner(subject));
  }

  /** Every value the subject stated for {@code attribute}, oldest first, superseded included. */
  public List<MemoryItem> factHistory(String subject, String attribute) {
    return facts.history(owner(subject), attribute);
  }

  /** The subject's summaries: the level-2 summary first (if any), then each session's. */
  public List<MemoryItem> summaries(String subject) {
    SubjectRef owner = owner(subject);
    List<MemoryItem> out = new java.util.ArrayList<>();
    compact.subjectSummary(owner).ifPresent(out::add);
    out.addAll(compact.sessionSummaries(owner));
    return out;
  }

  /** The subject's audit log, oldest first: every change, when, what (ids), why and by whom. */
  public List<AuditEvent> history(String subject) {
    return audit.history(owner(subject));
  }

  /**
   * Rolls the subject back to {@code version} (an audit event number; 0 is the empty start):
   * what was remembered or derived after it is deleted, supersessions, prunes and pins after it
   * are undone; forgotten content stays forgotten.
   *
   * @throws IllegalArgumentException for a version the subject never had
   */
  public AuditEvent rollback(String subject, long version, String reason) {
    SubjectRef owner = owner(subject);
    return locked(() -> new Rollback(store, compact, audit).rollback(owner, version, reason));
  }

  /**
   * Moves the subject's lowest-priority episodes to the cold tier (out of search, still in
   * history and exact lookups); pinned and fact-backed items stay hot.
   *
   * @return the ids pruned (or that would be, in a dry run)
   */
  public List<String> prune(String subject, RetentionPolicy policy, boolean dryRun) {
    SubjectRef owner = owner(subject);
    Require.nonNull(policy, "policy");
    return locked(() -> {
      accesses.flush(store); // prune on up-to-date access counts
      return new Pruner(store, audit, clock).prune(owner, policy, dryRun);
    });
  }

  /**
   * Pins items (never pruned, and brought back to the hot tier if pruned or merged) or unpins
   * them (they stay where they are); returns how many exist.
   */
  public int pin(String subject, Collection<String> ids, boolean pinned) {
    SubjectRef owner = owner(subject);
    return locked(() -> {
      int changed = store.update(owner, List.copyOf(ids), it -> it.withLifecycle(pinned
          ? it.lifecycle().withPinned(true).withTier(Tier.HOT)
          : it.lifecycle().withPinned(false)));
      if (changed > 0) {
        audit.record(owner, pinned ? AuditAction.PIN : AuditAction.UNPIN, List.copyOf(ids),
            List.of(), "");
      }
      return changed;
    });
  }

  /**
   * An editor for background enrichment (an LLM fact extractor or summarizer): it adds facts and
   * replaces summaries later, under this memory's write lock, each change audited as
   * {@code actor}.
   */
  public MemoryEditor editor(String actor) {
    AuditTrail trail = new AuditTrail(store, clock, actor);
    return new MemoryEditor(this::owner, writeLock,
        new FactLedger(store, embedder, trail, clock), store, embedder, trail, clock);
  }

  private <T> T locked(Supplier<T> action) {
    writeLock.lock();
    try {
      return action.get();
    } finally {
      writeLock.unlock();
    }
  }

  /** The subjects of this tenant that have memory, sorted. */
  public List<String> subjects() {
    return store.subjects(tenant);
  }

  /**
   * Counts of what the subject remembered: its episodes and notes, hot and cold (facts and
   * summaries derived from them are not counted).
   */
  public SubjectStats stats(String subject) {
    return store.subjectStats(owner(subject),
        dev.engram.store.ItemFilter.allOf(dev.engram.model.ItemKind.EPISODE,
            dev.engram.model.ItemKind.NOTE));
  }

  /** Counts for the whole store. */
  public StoreStats stats() {
    return store.stats();
  }

  /** The embedder's model id and dimension. */
  public EmbedderInfo embedderInfo() {
    return embedder.info();
  }

  /** The underlying store, for tools that need lower-level access (bench, export). */
  public MemoryStore store() {
    return store;
  }

  /** The tenant this instance serves. */
  public String tenant() {
    return tenant;
  }

  private SubjectRef owner(String subject) {
    return new SubjectRef(tenant, subject);
  }

  /** Closes the store and the embedder, except those that the caller passed in. */
  @Override
  public void close() {
    try {
      locked(() -> {
        closed = true;
        accesses.flush(store);
        return null;
      });
    } catch (RuntimeException e) {
      // Access counts are advisory; closing must still release the store and the embedder.
    }
    try {
      if (ownsStore) {
        store.close();
      }
    } finally {
      if (ownsEmbedder) {
        embedder.close();
      }
    }
  }

  /**
   * Configures an {@link Engram}. Defaults: tenant {@code "default"}; the store kind {@code lucene}
   * in {@link #dataDir} (required unless a store is given); the bundled embedder
   * {@code bge-small-en-v1.5-q}; the {@link dev.engram.reader.ExtractiveReader} with that embedder
   * for semantic support; a budget of
   * {@value RecallRequest#DEFAULT_BUDGET} tokens; the system UTC clock; read-write; the
   * rule-based fact extractor; the extractive summarizer with a subject summary every 100
   * episodes; audit actor {@code api}; background upkeep on the common fork-join pool.
   */
  public interface Builder {
    /** The directory of the store (created if absent). */
    Builder dataDir(Path dataDir);

    /** A store to use instead of opening one in {@link #dataDir}; the caller closes it. */
    Builder store(MemoryStore store);

    /** The store kind to open in {@link #dataDir}, e.g. {@code lucene}. */
    Builder storeKind(String name);

    /** An embedder to use instead of the bundled one; the caller closes it. */
    Builder embedder(Embedder embedder);

    /** The embedder kind to create, by model id, e.g. {@code bge-small-en-v1.5-q}. */
    Builder embedderKind(String modelId);

    /** The reader that answers {@link Engram#ask}. */
    Builder reader(Reader reader);

    /** The tenant this instance serves. */
    Builder tenant(String tenant);

    /** Default recall budget, in estimated tokens. */
    Builder budget(int tokens);

    /** The clock that stamps ingest times and undated events. */
    Builder clock(java.time.Clock clock);

    /** Finds facts in new episodes; default {@link dev.engram.fact.RuleFactExtractor}. */
    Builder factExtractor(FactExtractor extractor);

    /** Writes summaries; default {@link dev.engram.summary.ExtractiveSummarizer}. */
    Builder summarizer(Summarizer summarizer);

    /** New episodes between rebuilds of the subject summary; default 100. */
    Builder summaryEveryTurns(int turns);

    /**
     * Which new rounds enter the hot index; default {@link
     * dev.engram.write.AdmissionPolicy#DEFAULT} (only near-repeats are kept cold); {@link
     * dev.engram.write.AdmissionPolicy#ADMIT_ALL} turns the gate off.
     */
    Builder admission(dev.engram.write.AdmissionPolicy policy);

    /**
     * Runs background upkeep, today the writing of recall's access counts (a batch of updates
     * and a commit every {@value dev.engram.retain.AccessTracker#FLUSH_AT} counted hits), so
     * that recall itself never writes. Default: {@link
     * java.util.concurrent.ForkJoinPool#commonPool}; {@code Runnable::run} writes on the
     * recalling thread instead.
     */
    Builder executor(java.util.concurrent.Executor executor);

    /** Who the audit log names for this instance's changes (an API key id or a command). */
    Builder actor(String actor);

    /** Open the store for reading only (no write lock; remember and forget fail). */
    Builder readOnly(boolean readOnly);

    /**
     * Opens the parts and returns the memory.
     *
     * @throws IllegalStateException if neither a store nor a data directory was given
     * @throws dev.engram.store.StoreException if the store cannot be opened
     */
    Engram build();
  }
}
