package dev.engram.store;

import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where memory items live: a lexical (BM25) index, a vector index and the stored fields, in one
 * place. Implementations: {@code LuceneMemoryStore} (embedded, the default), the in-memory
 * {@link InMemoryMemoryStore}; every one passes the {@code MemoryStoreContract} test suite.
 *
 * <p><b>Scoping.</b> Every read and delete is scoped to one {@link SubjectRef}; no method returns
 * an item of another tenant or subject.
 *
 * <p><b>Durability.</b> When {@link #add} or a delete returns, the change is durable: it survives a
 * crash of the process. Each call is atomic: after a crash either all of its items are there or
 * none.
 *
 * <p><b>Thread-safety.</b> Implementations are safe for concurrent use by many threads; writes are
 * serialised internally. One process at a time may write a store on disk.
 *
 * <p><b>Order.</b> Lists of items come in timeline order ({@code subjectSeq}, then
 * {@code sessionSeq}); search results best first.
 */
public interface MemoryStore extends AutoCloseable {

  /** The format and embedder this store was written with. */
  StoreInfo info();

  /**
   * Stores items durably and atomically.
   *
   * @param items items with embeddings of {@code info().embedder().dimension()} dimensions; an
   *     item whose id already exists replaces it
   * @throws IllegalArgumentException if an item has no embedding or one of the wrong dimension
   *     (nothing is stored then)
   * @throws StoreException if the store is read-only or the write fails (nothing is stored then)
   */
  void add(List<MemoryItem> items);

  /** The item with this id if the subject owns it. */
  Optional<MemoryItem> get(SubjectRef owner, String id);

  /** Whether the subject already holds an item with this content hash. */
  boolean containsHash(SubjectRef owner, String contentHash);

  /**
   * A slice of the subject's timeline, in timeline order.
   *
   * @param fromSubjectSeq first {@code subjectSeq} to include
   * @param limit most items to return, at least 1
   */
  List<MemoryItem> timeline(SubjectRef owner, long fromSubjectSeq, int limit);

  /**
   * Items of one session whose {@code sessionSeq} is in {@code [fromSeq, toSeq]}, in session order.
   */
  List<MemoryItem> sessionRange(SubjectRef owner, String session, long fromSeq, long toSeq);

  /** The highest {@code sessionSeq} in the session, or -1 when the session has no items. */
  long lastSessionSeq(SubjectRef owner, String session);

  /**
   * Lexical search (BM25 or the backend's equivalent) over the items' keys.
   *
   * @param query free text; an empty or all-stopword query returns no hits
   * @param limit most hits, at least 1
   * @param range only items whose event time lies in it
   */
  List<ScoredItem> searchText(SubjectRef owner, String query, int limit, TimeRange range);

  /**
   * Nearest-neighbour search by cosine similarity; may be approximate.
   *
   * @param vector a unit vector of the store's dimension
   */
  List<ScoredItem> searchVector(SubjectRef owner, float[] vector, int limit, TimeRange range);

  /** Counts for one subject; {@link SubjectStats#EMPTY} when it has no items. */
  SubjectStats subjectStats(SubjectRef owner);

  /** The subjects of a tenant that hold at least one item, sorted. */
  List<String> subjects(String tenant);

  /** Deletes the subject's items with these ids; returns how many existed. Durable on return. */
  int deleteItems(SubjectRef owner, Collection<String> ids);

  /** Deletes all items of one session; returns how many there were. Durable on return. */
  int deleteSession(SubjectRef owner, String session);

  /** Deletes all items of the subject; returns how many there were. Durable on return. */
  int deleteSubject(SubjectRef owner);

  /** Counts for the whole store. */
  StoreStats stats();

  /** Releases files and locks; further calls throw {@link IllegalStateException}. */
  @Override
  void close();
}
