package dev.engram.store;

import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

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
 *
 * <p><b>Kinds, tiers, validity.</b> Items are episodes, facts, summaries or notes ({@link
 * dev.engram.model.ItemKind}) with a {@link dev.engram.model.Lifecycle}. Search methods see only
 * {@link dev.engram.model.Tier#HOT hot} items and, through their {@link ItemFilter}, only the
 * kinds asked for; the filter-less overloads search {@link ItemFilter#evidence evidence} (current
 * hot episodes and notes). Reads by id, timeline, session range and {@link #items} reach every
 * tier. See {@code docs/store-spi.md}.
 *
 * <p><b>Audit.</b> The store keeps each subject's append-only audit log ({@link #appendAudit},
 * {@link #audit}); deleting items or a whole subject never deletes its audit events.
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
  default List<ScoredItem> searchText(
      SubjectRef owner, String query, int limit, TimeRange range) {
    return searchText(owner, query, limit, ItemFilter.evidence(range));
  }

  /**
   * Lexical search over the keys of the hot items that {@code filter} accepts.
   *
   * @param query free text; an empty or all-stopword query returns no hits
   * @param limit most hits, at least 1
   */
  List<ScoredItem> searchText(SubjectRef owner, String query, int limit, ItemFilter filter);

  /**
   * Nearest-neighbour search by cosine similarity; may be approximate.
   *
   * @param vector a unit vector of the store's dimension
   */
  default List<ScoredItem> searchVector(
      SubjectRef owner, float[] vector, int limit, TimeRange range) {
    return searchVector(owner, vector, limit, ItemFilter.evidence(range));
  }

  /** Nearest-neighbour search among the hot items that {@code filter} accepts. */
  List<ScoredItem> searchVector(SubjectRef owner, float[] vector, int limit, ItemFilter filter);

  /**
   * The subject's items that {@code filter} accepts, in any tier the filter names, in timeline
   * order.
   *
   * @param limit most items to return, at least 1
   */
  List<MemoryItem> items(SubjectRef owner, ItemFilter filter, int limit);

  /**
   * Replaces items by id, atomically and durably: {@code change} gets each existing item (without
   * its vector) and returns its new version, which must keep the id and owner. A returned item
   * without an embedding keeps the stored vector; one with an embedding replaces it (it must have
   * the store's dimension). Moving an item to {@link dev.engram.model.Tier#COLD} takes it out of
   * the search indexes; moving it back puts it in again. Ids the subject does not hold are
   * skipped.
   *
   * @return how many items were updated
   * @throws IllegalArgumentException if {@code change} returns null or changes the id or owner, or
   *     a vector of the wrong dimension (nothing is stored then)
   */
  int update(SubjectRef owner, Collection<String> ids, UnaryOperator<MemoryItem> change);

  /**
   * Runs {@code work} (writes to this store) as one unit where the store can: one commit at the
   * end, so the writes become durable together when this returns and none survive a crash
   * before. Stores that cannot (the default) just run it; each write is then durable on its own.
   * Used for a remember, which writes episodes, facts, summaries and audit events, and for a bulk
   * remember of many sessions (which nests one unit per session inside one for the call).
   *
   * @throws StoreException if the unit could not be written; none of it is then kept by a store
   *     that batches
   */
  default <T> T atomically(java.util.function.Supplier<T> work) {
    return work.get();
  }

  /**
   * Counts one access of each item at {@code at} (for retention, research.md F3). Stores may
   * apply it as an {@link #update}; returns how many items exist.
   */
  default int recordAccess(SubjectRef owner, Collection<String> ids, java.time.Instant at) {
    return update(owner, ids, item -> item.withLifecycle(item.lifecycle().accessed(at)));
  }

  /**
   * Appends one event to its subject's audit log, durably, numbering it with the subject's next
   * version (1 for the first). Audit events survive every delete, including {@link
   * #deleteSubject}.
   *
   * @param event an event whose version is {@link AuditEvent#UNASSIGNED}
   * @return the event as stored, with its version
   * @throws IllegalArgumentException if the event already has a version
   */
  AuditEvent appendAudit(AuditEvent event);

  /**
   * The subject's audit events with {@code version >= fromVersion}, oldest first.
   *
   * @param limit most events to return, at least 1
   */
  List<AuditEvent> audit(SubjectRef owner, long fromVersion, int limit);

  /**
   * Counts for one subject over every kind and tier; {@link SubjectStats#EMPTY} when it has no
   * items.
   */
  SubjectStats subjectStats(SubjectRef owner);

  /**
   * Counts for the subject's items that {@code filter} accepts (in the tiers it names);
   * {@link SubjectStats#EMPTY} when none.
   */
  SubjectStats subjectStats(SubjectRef owner, ItemFilter filter);

  /**
   * Like {@link #subjectStats(SubjectRef, ItemFilter)}, but counting may stop once the tokens pass
   * {@code tokenLimit}. Recall only asks whether a memory fits its budget, and counting a large
   * memory through costs time that grows with it (about a sixth of a recall at 200,000 items).
   * When counting stopped, {@code tokens() > tokenLimit} and {@code items()} and
   * {@code lastSubjectSeq()} are lower bounds; {@code items() == 0} still means there are none.
   * The default counts everything.
   *
   * @param tokenLimit tokens past which counting may stop, at least 0
   * @throws IllegalArgumentException if {@code tokenLimit} is negative
   */
  default SubjectStats subjectStats(SubjectRef owner, ItemFilter filter, long tokenLimit) {
    StoreArguments.requireTokenLimit(tokenLimit);
    return subjectStats(owner, filter);
  }

  /** The subjects of a tenant that hold at least one item, sorted. */
  List<String> subjects(String tenant);

  /** Deletes the subject's items with these ids; returns how many existed. Durable on return. */
  int deleteItems(SubjectRef owner, Collection<String> ids);

  /** Deletes all items of one session; returns how many there were. Durable on return. */
  int deleteSession(SubjectRef owner, String session);

  /**
   * Deletes all items of the subject (its audit log stays); returns how many there were. Durable
   * on return.
   */
  int deleteSubject(SubjectRef owner);

  /** Counts for the whole store. */
  StoreStats stats();

  /** Releases files and locks; further calls throw {@link IllegalStateException}. */
  @Override
  void close();
}
