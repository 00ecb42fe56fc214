package dev.engram.lucene;

import static dev.engram.lucene.ItemDocuments.CONTENT_HASH;
import static dev.engram.lucene.ItemDocuments.SESSION;
import static dev.engram.lucene.ItemDocuments.SESSION_SEQ;
import static dev.engram.lucene.ItemDocuments.SUBJECT_SEQ;
import static dev.engram.lucene.ItemDocuments.UID;
import static dev.engram.lucene.ItemQueries.allOf;
import static dev.engram.lucene.ItemQueries.owner;
import static dev.engram.lucene.ItemQueries.term;

import dev.engram.embed.EmbedderInfo;
import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.model.SubjectRef;
import dev.engram.store.AuditEvent;
import dev.engram.store.ItemFilter;
import dev.engram.store.MemoryStore;
import dev.engram.store.ScoredItem;
import dev.engram.store.StoreArguments;
import dev.engram.store.StoreException;
import dev.engram.store.StoreInfo;
import dev.engram.store.StoreStats;
import dev.engram.store.SubjectStats;
import dev.engram.store.TimeRange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The embedded {@link MemoryStore}: one Lucene index on local disk holding the stored items, a
 * BM25 index of their keys and an HNSW graph of their vectors. See the package documentation for
 * the fields, the queries, durability and locking.
 *
 * <p>Open with {@link #open}; one process at a time may open a directory for writing, any number
 * read-only. Thread-safe; reads never wait for writes.
 */
public final class LuceneMemoryStore implements MemoryStore {
  /** The folder of the data directory that holds the Lucene index. */
  static final String INDEX_DIR = "index";

  private static final Sort TIMELINE = new Sort(ascending(SUBJECT_SEQ), ascending(SESSION_SEQ));
  private static final Sort SESSION_ORDER =
      new Sort(ascending(SESSION_SEQ), ascending(SUBJECT_SEQ));
  private static final Sort LAST_IN_SESSION =
      new Sort(new SortField(SESSION_SEQ, SortField.Type.LONG, true));
  private static final Sort LAST_AUDIT =
      new Sort(new SortField(AuditDocuments.AUDIT_VERSION, SortField.Type.LONG, true));
  private static final Sort AUDIT_ORDER = new Sort(ascending(AuditDocuments.AUDIT_VERSION));
  /** Every item document (audit documents have no subjectSeq). */
  private static final Query ITEMS = new FieldExistsQuery(SUBJECT_SEQ);

  private final Path dataDir;
  private final StoreInfo info;
  private final Analyzer analyzer;
  private final StoreIndex index;

  private LuceneMemoryStore(Path dataDir, StoreInfo info, Analyzer analyzer, StoreIndex index) {
    this.dataDir = dataDir;
    this.info = info;
    this.analyzer = analyzer;
    this.index = index;
  }

  /**
   * Opens the store in {@code dataDir}, creating it when the directory is absent or empty (unless
   * {@code readOnly}).
   *
   * @param embedder the embedder the caller uses; a store written with another one is refused
   * @param readOnly read the last commit (and each later one) without taking the write lock;
   *     writes then throw {@link StoreException}
   * @throws StoreException if the directory holds something other than an Engram store, a store of
   *     another format version or embedder, or (read-only) no store at all
   * @throws dev.engram.store.StoreLockedException if another writer holds the store
   */
  public static LuceneMemoryStore open(Path dataDir, EmbedderInfo embedder, boolean readOnly) {
    Require.nonNull(dataDir, "dataDir");
    Require.nonNull(embedder, "embedder");
    StoreManifest manifest = StoreManifest.current(embedder);
    StoreLayout.prepare(dataDir, manifest, readOnly);
    Path indexDir = dataDir.resolve(INDEX_DIR);
    Analyzer analyzer = new EnglishAnalyzer();
    try {
      StoreIndex index = readOnly
          ? StoreIndex.openReadOnly(dataDir, indexDir, manifest)
          : StoreIndex.openWritable(dataDir, indexDir, analyzer, manifest);
      return new LuceneMemoryStore(dataDir, manifest.info(), analyzer, index);
    } catch (RuntimeException e) {
      analyzer.close();
      throw e;
    }
  }

  /** The index behind this store (for tests in this package). */
  StoreIndex index() {
    return index;
  }

  @Override
  public StoreInfo info() {
    return info;
  }

  @Override
  public void add(List<MemoryItem> items) {
    Require.nonNull(items, "items");
    Map<String, Document> documents = new LinkedHashMap<>();
    for (MemoryItem item : items) {
      StoreArguments.requireEmbedding(info, Require.nonNull(item, "item"));
      // an id repeated within one call: the last one wins, as if added one after the other
      documents.put(ItemDocuments.uid(item.owner(), item.id()), ItemDocuments.toDocument(item));
    }
    List<BytesRef> uids = documents.keySet().stream().map(BytesRef::new).toList();
    index.writeBlind((writer, current) -> {
      if (!documents.isEmpty()) {
        writer.updateDocuments(new TermInSetQuery(UID, uids), documents.values());
      }
      return null;
    });
  }

  @Override
  public Optional<MemoryItem> get(SubjectRef owner, String id) {
    Query query = term(UID, ItemDocuments.uid(Require.nonNull(owner, "owner"),
        Require.nonNull(id, "id")));
    return index.read(searcher -> load(searcher, searcher.search(query, 1)).stream().findFirst());
  }

  @Override
  public boolean containsHash(SubjectRef owner, String contentHash) {
    Query query = allOf(scope(owner), term(CONTENT_HASH, Require.nonNull(contentHash, "hash")));
    return index.read(searcher -> searcher.count(query) > 0);
  }

  @Override
  public List<MemoryItem> timeline(SubjectRef owner, long fromSubjectSeq, int limit) {
    StoreArguments.requireLimit(limit);
    Query query = allOf(scope(owner),
        LongPoint.newRangeQuery(SUBJECT_SEQ, fromSubjectSeq, Long.MAX_VALUE));
    return index.read(searcher -> load(searcher, searcher.search(query, limit, TIMELINE)));
  }

  @Override
  public List<MemoryItem> sessionRange(SubjectRef owner, String session, long fromSeq, long toSeq) {
    Query query = allOf(scope(owner), term(SESSION, Require.nonNull(session, "session")),
        LongPoint.newRangeQuery(SESSION_SEQ, fromSeq, toSeq));
    return index.read(searcher -> {
      int count = searcher.count(query);
      return count == 0 ? List.of() : load(searcher, searcher.search(query, count, SESSION_ORDER));
    });
  }

  @Override
  public long lastSessionSeq(SubjectRef owner, String session) {
    Query query = allOf(scope(owner), term(SESSION, Require.nonNull(session, "session")));
    return index.read(searcher -> {
      TopFieldDocs top = searcher.search(query, 1, LAST_IN_SESSION);
      return top.scoreDocs.length == 0 ? -1L : (Long) ((FieldDoc) top.scoreDocs[0]).fields[0];
    });
  }

  @Override
  public List<ScoredItem> searchText(
      SubjectRef owner, String query, int limit, ItemFilter filter) {
    scope(owner);
    Require.nonNull(query, "query");
    Require.nonNull(filter, "filter");
    StoreArguments.requireLimit(limit);
    return index.read(searcher -> {
      Optional<Query> bm25 = ItemQueries.text(analyzer, query, owner, filter);
      return bm25.isEmpty() ? List.of()
          : scored(searcher, searcher.search(bm25.get(), limit), score -> score);
    });
  }

  @Override
  public List<ScoredItem> searchVector(
      SubjectRef owner, float[] vector, int limit, ItemFilter filter) {
    scope(owner);
    Require.nonNull(filter, "filter");
    StoreArguments.requireLimit(limit);
    StoreArguments.requireQueryDimension(info, vector);
    return index.read(searcher -> {
      int candidates = ItemQueries.candidates(limit, searcher.getIndexReader().maxDoc());
      Query knn = ItemQueries.vector(vector, candidates, owner, filter);
      return scored(searcher, searcher.search(knn, limit), ItemQueries::cosine);
    });
  }

  @Override
  public List<MemoryItem> items(SubjectRef owner, ItemFilter filter, int limit) {
    StoreArguments.requireLimit(limit);
    Query query = ItemQueries.ownerIn(Require.nonNull(owner, "owner"), Require.nonNull(filter, "filter"), false);
    return index.read(searcher -> load(searcher, searcher.search(query, limit, TIMELINE)));
  }

  @Override
  public int update(SubjectRef owner, Collection<String> ids, UnaryOperator<MemoryItem> change) {
    scope(owner);
    Require.nonNull(ids, "ids");
    Require.nonNull(change, "change");
    Set<String> uids = new LinkedHashSet<>();
    for (String id : ids) {
      uids.add(ItemDocuments.uid(owner, Require.nonNull(id, "id")));
    }
    return index.write((writer, current) -> {
      Map<String, Document> documents = new LinkedHashMap<>();
      for (String uid : uids) {
        TopDocs top = current.search(term(UID, uid), 1);
        if (top.scoreDocs.length == 1) {
          int doc = top.scoreDocs[0].doc;
          Document stored = current.storedFields().document(doc);
          MemoryItem old = ItemDocuments.toItem(stored);
          try {
            MemoryItem next = change.apply(old);
            requireSameIdentity(old, next);
            if (next.embedding() == null) {
              next = next.withEmbedding(vectorOf(current, doc, stored));
            } else {
              StoreArguments.requireEmbedding(info, next);
            }
            documents.put(uid, ItemDocuments.toDocument(next));
          } catch (IllegalArgumentException e) {
            throw new StoreIndex.RejectedChange(e); // nothing written yet: the store stays usable
          }
        }
      }
      for (Map.Entry<String, Document> entry : documents.entrySet()) {
        writer.updateDocuments(term(UID, entry.getKey()), List.of(entry.getValue()));
      }
      return documents.size();
    });
  }

  /** One commit for everything {@code work} writes (see {@link MemoryStore#atomically}). */
  @Override
  public <T> T atomically(java.util.function.Supplier<T> work) {
    return index.batch(Require.nonNull(work, "work"));
  }

  @Override
  public AuditEvent appendAudit(AuditEvent event) {
    Require.nonNull(event, "event");
    if (event.version() != AuditEvent.UNASSIGNED) {
      throw new IllegalArgumentException(
          "event must not have a version yet, had " + event.version());
    }
    String owner = ItemDocuments.owner(event.owner());
    Query query = term(AuditDocuments.AUDIT_OWNER, owner);
    // Blind: the version comes from the index only for the subject's first event in a batch.
    return index.writeBlind((writer, current) -> {
      long version = index.nextInBatch(AuditDocuments.AUDIT_OWNER + ':' + owner,
          () -> lastVersion(current.search(query, 1, LAST_AUDIT)));
      AuditEvent stored = event.withVersion(version);
      writer.addDocument(AuditDocuments.toDocument(stored));
      return stored;
    });
  }

  private static long lastVersion(TopFieldDocs last) {
    return last.scoreDocs.length == 0 ? 0 : (Long) ((FieldDoc) last.scoreDocs[0]).fields[0];
  }

  @Override
  public List<AuditEvent> audit(SubjectRef owner, long fromVersion, int limit) {
    StoreArguments.requireLimit(limit);
    Query query = allOf(term(AuditDocuments.AUDIT_OWNER,
            ItemDocuments.owner(Require.nonNull(owner, "owner"))),
        LongPoint.newRangeQuery(AuditDocuments.AUDIT_VERSION, fromVersion, Long.MAX_VALUE));
    return index.read(searcher -> {
      TopDocs top = searcher.search(query, limit, AUDIT_ORDER);
      StoredFields stored = searcher.storedFields();
      List<AuditEvent> events = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc hit : top.scoreDocs) {
        events.add(AuditDocuments.toEvent(stored.document(hit.doc)));
      }
      return events;
    });
  }

  @Override
  public SubjectStats subjectStats(SubjectRef owner, ItemFilter filter) {
    Query query = ItemQueries.ownerIn(Require.nonNull(owner, "owner"),
        Require.nonNull(filter, "filter"), false);
    return index.read(searcher -> searcher.search(query, IndexAggregates.subjectStats()));
  }

  @Override
  public SubjectStats subjectStats(SubjectRef owner, ItemFilter filter, long tokenLimit) {
    StoreArguments.requireTokenLimit(tokenLimit);
    Query query = ItemQueries.ownerIn(Require.nonNull(owner, "owner"),
        Require.nonNull(filter, "filter"), false);
    return index.read(searcher -> searcher.search(query, IndexAggregates.subjectStats(tokenLimit)));
  }

  @Override
  public SubjectStats subjectStats(SubjectRef owner) {
    Query query = scope(owner);
    return index.read(searcher -> searcher.search(query, IndexAggregates.subjectStats()));
  }

  @Override
  public List<String> subjects(String tenant) {
    String prefix = ItemDocuments.ownerPrefix(Require.nonNull(tenant, "tenant"));
    return index.read(searcher -> IndexAggregates.liveOwners(searcher.getIndexReader(), prefix)
        .stream().map(ItemDocuments::subjectOf).toList());
  }

  @Override
  public int deleteItems(SubjectRef owner, Collection<String> ids) {
    scope(owner);
    Set<BytesRef> uids = new LinkedHashSet<>();
    for (String id : Require.nonNull(ids, "ids")) {
      uids.add(new BytesRef(ItemDocuments.uid(owner, Require.nonNull(id, "id"))));
    }
    return deleteMatching(new TermInSetQuery(UID, uids));
  }

  @Override
  public int deleteSession(SubjectRef owner, String session) {
    return deleteMatching(allOf(scope(owner), term(SESSION, Require.nonNull(session, "session"))));
  }

  @Override
  public int deleteSubject(SubjectRef owner) {
    return deleteMatching(scope(owner));
  }

  @Override
  public StoreStats stats() {
    return index.read(searcher -> new StoreStats(searcher.count(ITEMS),
        IndexAggregates.liveOwners(searcher.getIndexReader(), "").size(),
        StoreLayout.bytesOnDisk(dataDir)));
  }

  /** Releases the write lock and the files; idempotent. */
  @Override
  public void close() {
    try {
      index.close();
    } finally {
      analyzer.close();
    }
  }

  @Override
  public String toString() {
    return "LuceneMemoryStore[" + dataDir + (index.readOnly() ? ", read-only]" : "]");
  }

  /**
   * Counts and deletes what {@code query} matches, in one commit; the count is exact because
   * writes are serialised and {@code current} shows every earlier commit. Forgetting is real:
   * a Lucene delete only marks documents, leaving their text in the segment files, so the
   * segments that hold deletions are rewritten without them before the commit, and the old files
   * are removed with the commit.
   */
  private int deleteMatching(Query query) {
    return index.write((writer, current) -> {
      int count = current.count(query);
      if (count > 0) {
        writer.deleteDocuments(query);
        expungeDeletes(writer);
      }
      return count;
    });
  }

  /**
   * Rewrites every segment that holds a deleted document, so no byte of it stays on disk.
   * {@code forceMergeDeletes} skips segments that a running merge is already merging, and that
   * merge ends with the deletions carried into its new segment; so after the running merges
   * finish, a second pass rewrites that one. Blocks until then.
   */
  private static void expungeDeletes(IndexWriter writer) throws IOException {
    writer.forceMergeDeletes(true);
    if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
      merges.sync();
      writer.forceMergeDeletes(true);
    }
  }

  /** A stored item's vector: from the HNSW field of a hot item, the stored copy of a cold one. */
  private static float[] vectorOf(IndexSearcher searcher, int doc, Document stored)
      throws IOException {
    float[] cold = ItemDocuments.coldVector(stored);
    if (cold != null) {
      return cold;
    }
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(ItemDocuments.VECTOR);
    int target = doc - leaf.docBase;
    if (values == null || values.advance(target) != target) {
      throw new StoreException("item document " + doc + " has no vector in " + leaf);
    }
    return values.vectorValue().clone();
  }

  private static void requireSameIdentity(MemoryItem old, MemoryItem next) {
    if (next == null) {
      throw new IllegalArgumentException("update of item " + old.id() + " returned null");
    }
    if (!next.id().equals(old.id()) || !next.owner().equals(old.owner())) {
      throw new IllegalArgumentException("update must keep the id and owner of item " + old.id()
          + ", returned " + next.id() + " of " + next.owner());
    }
  }

  private static SortField ascending(String longField) {
    return new SortField(longField, SortField.Type.LONG);
  }

  private static Query scope(SubjectRef owner) {
    return owner(Require.nonNull(owner, "owner"));
  }




  private static List<MemoryItem> load(IndexSearcher searcher, TopDocs top) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<MemoryItem> items = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc hit : top.scoreDocs) {
      items.add(ItemDocuments.toItem(stored.document(hit.doc)));
    }
    return items;
  }

  private static List<ScoredItem> scored(
      IndexSearcher searcher, TopDocs top, DoubleUnaryOperator score) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<ScoredItem> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc hit : top.scoreDocs) {
      MemoryItem item = ItemDocuments.toItem(stored.document(hit.doc));
      hits.add(new ScoredItem(item, score.applyAsDouble(hit.score)));
    }
    return hits;
  }
}
