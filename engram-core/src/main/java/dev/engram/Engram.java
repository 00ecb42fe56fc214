package dev.engram;

import dev.engram.embed.Embedder;
import dev.engram.embed.EmbedderInfo;
import dev.engram.model.Document;
import dev.engram.model.Message;
import dev.engram.model.Require;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.read.Context;
import dev.engram.read.Explanation;
import dev.engram.read.RecallPipeline;
import dev.engram.read.RecallRequest;
import dev.engram.reader.Answer;
import dev.engram.reader.Reader;
import dev.engram.store.MemoryStore;
import dev.engram.store.StoreStats;
import dev.engram.store.SubjectStats;
import dev.engram.write.RememberResult;
import dev.engram.write.Segmenter;
import dev.engram.write.WritePipeline;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

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

  Engram(EngramBuilder builder) {
    this.tenant = builder.tenant;
    this.store = builder.store;
    this.embedder = builder.embedder;
    this.reader = builder.reader;
    this.budget = builder.budget;
    this.ownsStore = builder.ownsStore;
    this.ownsEmbedder = builder.ownsEmbedder;
    this.writes = new WritePipeline(store, embedder, builder.clock);
    this.reads = new RecallPipeline(store, embedder);
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

  /** Remembers turns as session {@code sessionId}; a convenience for {@link #remember(String, Session)}. */
  public RememberResult remember(String subject, String sessionId, List<Message> messages) {
    return remember(subject, new Session(sessionId, null, messages));
  }

  /** Remembers a document (split into overlapping pages). Durable when it returns. */
  public RememberResult remember(String subject, Document document) {
    return writes.remember(owner(subject), document.id(), segmenter.pages(document));
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
    return reads.recall(owner(subject), Require.nonNull(request, "request"));
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

  /** Forgets items by id; returns how many existed. Deleted from the index when it returns. */
  public int forgetItems(String subject, Collection<String> ids) {
    return store.deleteItems(owner(subject), Require.nonNull(ids, "ids"));
  }

  /** Forgets a whole session or document; returns how many items it had. */
  public int forgetSession(String subject, String sessionId) {
    return store.deleteSession(owner(subject), Require.identifier(sessionId, "sessionId"));
  }

  /** Forgets everything about a subject; returns how many items it had. */
  public int forgetSubject(String subject) {
    return store.deleteSubject(owner(subject));
  }

  /** The subjects of this tenant that have memory, sorted. */
  public List<String> subjects() {
    return store.subjects(tenant);
  }

  /** Counts for one subject. */
  public SubjectStats stats(String subject) {
    return store.subjectStats(owner(subject));
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
   * {@value RecallRequest#DEFAULT_BUDGET} tokens; the system UTC clock; read-write.
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
