package dev.engram.solr;

import static dev.engram.solr.ItemDocuments.CONTENT_HASH;
import static dev.engram.solr.ItemDocuments.EVENT_TIME;
import static dev.engram.solr.ItemDocuments.ID;
import static dev.engram.solr.ItemDocuments.OWNER;
import static dev.engram.solr.ItemDocuments.SESSION;
import static dev.engram.solr.ItemDocuments.SESSION_SEQ;
import static dev.engram.solr.ItemDocuments.SUBJECT;
import static dev.engram.solr.ItemDocuments.SUBJECT_SEQ;
import static dev.engram.solr.ItemDocuments.TENANT;
import static dev.engram.solr.ItemDocuments.TOKENS;

import dev.engram.embed.EmbedderInfo;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.Tier;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.impl.CloudLegacySolrClient;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.FieldStatsInfo;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.common.cloud.Slice;
import org.apache.solr.common.params.CursorMarkParams;

/**
 * A {@link MemoryStore} in a SolrCloud collection: the same items, BM25 text index (an analyser
 * chain equal to Lucene's EnglishAnalyzer) and HNSW vectors as the embedded store, sharded and
 * replicated by Solr. See the package documentation for the layout, routing, queries and what
 * durability and forgetting mean here.
 *
 * <p>Open with {@link #open}; the collection must exist (create it with
 * {@link SolrCollections#create}). Thread-safe; writes of one instance are serialised, and each
 * write is committed (hard commit, new searcher) before it returns.
 */
public final class SolrMemoryStore implements MemoryStore {
  /** Fewest HNSW candidates a vector search asks for, as in the embedded store. */
  static final int MIN_VECTOR_CANDIDATES = 100;
  /** Most query words used (each gives at most a few terms; Solr allows 1024 clauses). */
  static final int MAX_QUERY_TERMS = 256;
  private static final int PAGE = 1000;

  private final SolrStoreConfig config;
  private final CloudLegacySolrClient client;
  private final StoreInfo info;
  private final boolean readOnly;
  private final ReentrantLock writes = new ReentrantLock();
  private volatile boolean closed;

  private SolrMemoryStore(SolrStoreConfig config, CloudLegacySolrClient client, StoreInfo info,
      boolean readOnly) {
    this.config = config;
    this.client = client;
    this.info = info;
    this.readOnly = readOnly;
  }

  /**
   * Connects to the collection and checks that it is an Engram collection of this schema version
   * and embedder, and that every shard has a live replica. Nothing is written.
   *
   * @param embedder the embedder the caller uses; a collection made for another one is refused
   * @param readOnly refuse writes (they throw {@link StoreException})
   * @throws StoreException one clear error when ZooKeeper is unreachable, the collection is
   *     missing or not an Engram collection, its schema version or embedder differs, or a shard
   *     has no live replica
   */
  public static SolrMemoryStore open(SolrStoreConfig config, EmbedderInfo embedder,
      boolean readOnly) {
    Require.nonNull(config, "config");
    Require.nonNull(embedder, "embedder");
    SchemaManifest expected = SchemaManifest.current(embedder);
    CloudLegacySolrClient client = SolrConnection.connect(config);
    try {
      DocCollection collection = SolrConnection.collection(client, config.collection());
      if (collection == null) {
        throw new StoreException("Solr collection '" + config.collection() + "' does not exist "
            + "in the SolrCloud at " + config.zkHost() + "; create it first (engram "
            + "--store solr --solr-create ..., or SolrCollections.create)");
      }
      SchemaManifest found = EngramConfigSet.read(SolrConnection.zk(client),
          collection.getConfigName());
      if (found == null) {
        throw new StoreException("Solr collection '" + config.collection() + "' uses configset '"
            + collection.getConfigName() + "', which is not an Engram configset (no "
            + SchemaManifest.FILE_NAME + "); refusing to use it");
      }
      found.requireCompatible(expected, config.collection());
      requireEveryShardServed(collection, client, config.collection());
      client.setDefaultCollection(config.collection());
      return new SolrMemoryStore(config, client, found.info(), readOnly);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      SolrConnection.closeQuietly(client);
      throw new StoreException("interrupted while opening Solr collection", e);
    } catch (RuntimeException e) {
      SolrConnection.closeQuietly(client);
      throw e;
    } catch (Exception e) {
      SolrConnection.closeQuietly(client);
      throw new StoreException("cannot open Solr collection '" + config.collection() + "': "
          + SolrConnection.rootMessage(e), e);
    }
  }

  private static void requireEveryShardServed(DocCollection collection,
      CloudLegacySolrClient client, String name) {
    Set<String> live = SolrConnection.stateReader(client).getClusterState().getLiveNodes();
    List<String> dead = new ArrayList<>();
    for (Slice slice : collection.getActiveSlices()) {
      boolean served = slice.getReplicas().stream().anyMatch(replica -> replica.isActive(live));
      if (!served) {
        dead.add(slice.getName() + " (replicas on " + slice.getReplicas().stream()
            .map(Replica::getNodeName).toList() + ")");
      }
    }
    if (!dead.isEmpty()) {
      throw new StoreException("Solr collection '" + name + "': no live replica for shard(s) "
          + dead + "; live nodes: " + live + ". Start the node(s) and retry; nothing was written");
    }
  }

  @Override
  public StoreInfo info() {
    requireOpen();
    return info;
  }

  @Override
  public void add(List<MemoryItem> items) {
    requireOpen();
    Require.nonNull(items, "items");
    Map<String, SolrInputDocument> documents = new LinkedHashMap<>();
    for (MemoryItem item : items) {
      StoreArguments.requireEmbedding(info, Require.nonNull(item, "item"));
      // an id repeated within one call: the last one wins, as if added one after the other
      SolrInputDocument doc = ItemDocuments.toDocument(item);
      documents.remove(doc.getFieldValue(ID).toString());
      documents.put(doc.getFieldValue(ID).toString(), doc);
    }
    requireWritable();
    if (documents.isEmpty()) {
      return;
    }
    write("add " + documents.size() + " item(s)", () -> {
      UpdateRequest update = new UpdateRequest();
      update.add(documents.values());
      update.process(client, config.collection());
      commit(false);
      return null;
    });
  }

  @Override
  public Optional<MemoryItem> get(SubjectRef owner, String id) {
    SolrQuery query = scoped(owner, "{!term f=" + ID + " v=$engram.id}")
        .setRows(1);
    query.set("engram.id", ItemDocuments.docId(owner, Require.nonNull(id, "id")));
    return search(query, "get").getResults().stream().findFirst().map(ItemDocuments::toItem);
  }

  @Override
  public boolean containsHash(SubjectRef owner, String contentHash) {
    SolrQuery query = scoped(owner, "{!term f=" + CONTENT_HASH + " v=$engram.hash}").setRows(0);
    query.set("engram.hash", Require.nonNull(contentHash, "contentHash"));
    return search(query, "containsHash").getResults().getNumFound() > 0;
  }

  @Override
  public List<MemoryItem> timeline(SubjectRef owner, long fromSubjectSeq, int limit) {
    StoreArguments.requireLimit(limit);
    SolrQuery query = scoped(owner, "*:*");
    query.addFilterQuery(SUBJECT_SEQ + ":[" + fromSubjectSeq + " TO *]");
    query.setSort(SUBJECT_SEQ, SolrQuery.ORDER.asc).addSort(SESSION_SEQ, SolrQuery.ORDER.asc);
    return fetch(query, limit, "timeline");
  }

  @Override
  public List<MemoryItem> sessionRange(SubjectRef owner, String session, long fromSeq, long toSeq) {
    SolrQuery query = scoped(owner, "*:*");
    query.addFilterQuery("{!term f=" + SESSION + " v=$engram.session}");
    query.set("engram.session", Require.nonNull(session, "session"));
    if (fromSeq > toSeq) {
      return List.of();
    }
    query.addFilterQuery(SESSION_SEQ + ":[" + fromSeq + " TO " + toSeq + "]");
    query.setSort(SESSION_SEQ, SolrQuery.ORDER.asc).addSort(SUBJECT_SEQ, SolrQuery.ORDER.asc);
    return fetch(query, Integer.MAX_VALUE, "sessionRange");
  }

  @Override
  public long lastSessionSeq(SubjectRef owner, String session) {
    SolrQuery query = scoped(owner, "{!term f=" + SESSION + " v=$engram.session}");
    query.set("engram.session", Require.nonNull(session, "session"));
    query.setRows(1).setFields(SESSION_SEQ).setSort(SESSION_SEQ, SolrQuery.ORDER.desc);
    List<SolrDocument> docs = search(query, "lastSessionSeq").getResults();
    return docs.isEmpty() ? -1L : ((Number) docs.get(0).getFirstValue(SESSION_SEQ)).longValue();
  }

  @Override
  public List<ScoredItem> searchText(SubjectRef owner, String query, int limit,
      ItemFilter filter) {
    requireOpen();
    Require.nonNull(owner, "owner");
    Require.nonNull(query, "query");
    Require.nonNull(filter, "filter");
    StoreArguments.requireLimit(limit);
    Optional<String> words = TextQuery.words(query, MAX_QUERY_TERMS);
    Optional<List<String>> filters = filters(filter, true);
    if (words.isEmpty() || filters.isEmpty()) {
      return List.of();
    }
    // the escaped words are one term to the parser (no operators, no syntax errors); the field's
    // analyser splits them, and q.op=OR makes each analysed term a SHOULD clause, as in Lucene
    SolrQuery solr = scoped(owner, "{!lucene df=" + ItemDocuments.KEY
        + " q.op=OR sow=false v=$engram.text}");
    solr.set("engram.text", ClientUtils.escapeQueryChars(words.get()));
    filters.get().forEach(solr::addFilterQuery);
    solr.setRows(limit).setFields(ItemDocuments.FIELDS + ",score");
    return scored(search(solr, "searchText").getResults(), score -> score);
  }

  @Override
  public List<ScoredItem> searchVector(
      SubjectRef owner, float[] vector, int limit, ItemFilter filter) {
    requireOpen();
    Require.nonNull(owner, "owner");
    Require.nonNull(filter, "filter");
    StoreArguments.requireLimit(limit);
    StoreArguments.requireQueryDimension(info, vector);
    Optional<List<String>> filters = filters(filter, true);
    if (filters.isEmpty()) {
      return List.of();
    }
    int candidates = Math.max(limit, MIN_VECTOR_CANDIDATES);
    // owner, tier, kinds, validity and time are the knn query's preFilter: HNSW searches only
    // the subject's matching items (an fq alone is a post-filter of the global top k and would
    // lose hits); the same filters are also fqs, so nothing of another subject can ever leak
    StringBuilder knn = new StringBuilder("{!knn f=").append(ItemDocuments.VECTOR)
        .append(" topK=").append(candidates).append(" preFilter=$engram.scope");
    SolrQuery solr = scoped(owner, "");
    solr.set("engram.scope", ownerFilter());
    List<String> extra = filters.get();
    for (int i = 0; i < extra.size(); i++) {
      knn.append(" preFilter=$engram.f").append(i);
      solr.set("engram.f" + i, extra.get(i));
      solr.addFilterQuery(extra.get(i));
    }
    solr.setQuery(knn.append(" v=$engram.vector}").toString());
    solr.set("engram.vector", ItemDocuments.vectorLiteral(vector));
    solr.setRows(limit).setFields(ItemDocuments.FIELDS + ",score");
    // Lucene's DOT_PRODUCT score is (1 + cos) / 2; callers get the cosine back
    return scored(search(solr, "searchVector").getResults(), score -> 2.0 * score - 1.0);
  }

  @Override
  public List<MemoryItem> items(SubjectRef owner, ItemFilter filter, int limit) {
    StoreArguments.requireLimit(limit);
    Require.nonNull(filter, "filter");
    SolrQuery query = scoped(owner, "*:*");
    Optional<List<String>> filters = filters(filter, false);
    if (filters.isEmpty()) {
      return List.of();
    }
    filters.get().forEach(query::addFilterQuery);
    query.setSort(SUBJECT_SEQ, SolrQuery.ORDER.asc).addSort(SESSION_SEQ, SolrQuery.ORDER.asc);
    return fetch(query, limit, "items");
  }

  @Override
  public int update(SubjectRef owner, Collection<String> ids, UnaryOperator<MemoryItem> change) {
    requireOpen();
    Require.nonNull(owner, "owner");
    Require.nonNull(ids, "ids");
    Require.nonNull(change, "change");
    Set<String> docIds = new LinkedHashSet<>();
    for (String id : ids) {
      docIds.add(ItemDocuments.docId(owner, Require.nonNull(id, "id")));
    }
    requireWritable();
    if (docIds.isEmpty()) {
      return 0;
    }
    return write("update " + docIds.size() + " item(s)", () -> {
      List<SolrInputDocument> changed = new ArrayList<>();
      for (SolrDocument doc : existingDocs(owner, docIds, true)) {
        MemoryItem before = ItemDocuments.toItem(doc);
        MemoryItem after = change.apply(before);
        if (after == null) {
          throw new IllegalArgumentException("update of item " + before.id() + " returned null");
        }
        if (!after.id().equals(before.id()) || !after.owner().equals(before.owner())) {
          throw new IllegalArgumentException("update of item " + before.id() + " changed its "
              + "identity to " + after.owner() + "/" + after.id() + "; ids and owners are fixed");
        }
        if (after.embedding() == null) {
          after = after.withEmbedding(ItemDocuments.storedVector(doc));
        }
        StoreArguments.requireEmbedding(info, after);
        changed.add(ItemDocuments.toDocument(after));
      }
      if (!changed.isEmpty()) {
        new UpdateRequest().add(changed).process(client, config.collection());
        commit(false);
      }
      return changed.size();
    });
  }

  @Override
  public AuditEvent appendAudit(AuditEvent event) {
    requireOpen();
    Require.nonNull(event, "event");
    if (event.version() != AuditEvent.UNASSIGNED) {
      throw new IllegalArgumentException("audit event already has version " + event.version()
          + "; the store assigns versions");
    }
    requireWritable();
    return write("append audit event", () -> {
      AuditEvent numbered = event.withVersion(lastAuditVersion(event.owner()) + 1);
      new UpdateRequest().add(AuditDocuments.toDocument(numbered))
          .process(client, config.collection());
      commit(false);
      return numbered;
    });
  }

  @Override
  public List<AuditEvent> audit(SubjectRef owner, long fromVersion, int limit) {
    requireOpen();
    Require.nonNull(owner, "owner");
    StoreArguments.requireLimit(limit);
    SolrQuery query = auditQuery(owner);
    query.addFilterQuery(AuditDocuments.VERSION + ":[" + Math.max(fromVersion, 0) + " TO *]");
    query.setSort(AuditDocuments.VERSION, SolrQuery.ORDER.asc).addSort(ID, SolrQuery.ORDER.asc);
    List<AuditEvent> events = new ArrayList<>();
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (events.size() < limit) {
      query.setRows(Math.min(PAGE, limit - events.size()));
      query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse response = search(query, "audit");
      response.getResults().forEach(doc -> events.add(AuditDocuments.toEvent(doc)));
      String next = response.getNextCursorMark();
      if (response.getResults().isEmpty() || next == null || next.equals(cursor)) {
        break;
      }
      cursor = next;
    }
    return events;
  }

  @Override
  public SubjectStats subjectStats(SubjectRef owner) {
    return subjectStats(owner, ItemFilter.ANY);
  }

  @Override
  public SubjectStats subjectStats(SubjectRef owner, ItemFilter filter) {
    Require.nonNull(filter, "filter");
    SolrQuery query = scoped(owner, "*:*").setRows(0);
    Optional<List<String>> filters = filters(filter, false);
    if (filters.isEmpty()) {
      return SubjectStats.EMPTY;
    }
    filters.get().forEach(query::addFilterQuery);
    query.setGetFieldStatistics(true);
    query.add("stats.field", "{!sum=true}" + TOKENS);
    query.add("stats.field", "{!max=true}" + SUBJECT_SEQ);
    QueryResponse response = search(query, "subjectStats");
    long items = response.getResults().getNumFound();
    if (items == 0) {
      return SubjectStats.EMPTY;
    }
    Map<String, FieldStatsInfo> stats = response.getFieldStatsInfo();
    long tokens = ((Number) stats.get(TOKENS).getSum()).longValue();
    long last = ((Number) stats.get(SUBJECT_SEQ).getMax()).longValue();
    return new SubjectStats(items, tokens, last);
  }

  @Override
  public List<String> subjects(String tenant) {
    requireOpen();
    SolrQuery query = new SolrQuery("*:*").setRows(0);
    query.addFilterQuery("{!term f=" + TENANT + " v=$engram.tenant}");
    query.set("engram.tenant", Require.nonNull(tenant, "tenant"));
    query.setFacet(true).addFacetField(SUBJECT).setFacetLimit(-1).setFacetMinCount(1);
    FacetField subjects = search(query, "subjects").getFacetField(SUBJECT);
    Set<String> sorted = new TreeSet<>();
    for (FacetField.Count count : subjects.getValues()) {
      sorted.add(count.getName());
    }
    return List.copyOf(sorted);
  }

  @Override
  public int deleteItems(SubjectRef owner, Collection<String> ids) {
    requireOpen();
    Require.nonNull(owner, "owner");
    Set<String> docIds = new LinkedHashSet<>();
    for (String id : Require.nonNull(ids, "ids")) {
      docIds.add(ItemDocuments.docId(owner, Require.nonNull(id, "id")));
    }
    requireWritable();
    if (docIds.isEmpty()) {
      return 0;
    }
    return write("delete " + docIds.size() + " item(s)", () -> {
      List<String> existing = existingIds(owner, docIds);
      if (!existing.isEmpty()) {
        new UpdateRequest().deleteById(existing).process(client, config.collection());
        commit(true);
      }
      return existing.size();
    });
  }

  @Override
  public int deleteSession(SubjectRef owner, String session) {
    requireOpen();
    Require.nonNull(owner, "owner");
    Require.nonNull(session, "session");
    requireWritable();
    return deleteMatching(owner, "+" + OWNER + ":" + escaped(ItemDocuments.owner(owner)) + " +"
        + SESSION + ":" + escaped(session), "{!term f=" + SESSION + " v=$engram.session}",
        Map.of("engram.session", session));
  }

  @Override
  public int deleteSubject(SubjectRef owner) {
    requireOpen();
    Require.nonNull(owner, "owner");
    requireWritable();
    return deleteMatching(owner, OWNER + ":" + escaped(ItemDocuments.owner(owner)), null,
        Map.of());
  }

  /**
   * Item and subject counts over the whole collection (every shard). {@code bytesOnDisk} is 0:
   * the index lives on the Solr nodes, whose size Solr's own metrics report.
   */
  @Override
  public StoreStats stats() {
    requireOpen();
    SolrQuery query = new SolrQuery("*:*").setRows(0);
    query.addFilterQuery(OWNER + ":[* TO *]"); // items only, not audit events
    query.setFacet(true).addFacetField(OWNER).setFacetLimit(-1).setFacetMinCount(1);
    QueryResponse response = search(query, "stats");
    return new StoreStats(response.getResults().getNumFound(),
        response.getFacetField(OWNER).getValueCount(), 0);
  }

  /** Closes the client; idempotent. Further calls throw {@link IllegalStateException}. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      SolrConnection.closeQuietly(client);
    }
  }

  @Override
  public String toString() {
    return "SolrMemoryStore[" + config.zkHost() + ", collection " + config.collection()
        + (readOnly ? ", read-only]" : "]");
  }

  /** The config this store was opened with. */
  public SolrStoreConfig config() {
    return config;
  }

  // ---------------------------------------------------------------------------------------------

  private int deleteMatching(SubjectRef owner, String deleteQuery, String countFilter,
      Map<String, String> params) {
    return write("delete", () -> {
      SolrQuery count = scoped(owner, countFilter == null ? "*:*" : countFilter).setRows(0);
      params.forEach(count::set);
      long found = query(count).getResults().getNumFound();
      if (found > 0) {
        new UpdateRequest().deleteByQuery(deleteQuery).process(client, config.collection());
        commit(true);
      }
      return Math.toIntExact(found);
    });
  }

  private long lastAuditVersion(SubjectRef owner) throws Exception {
    SolrQuery query = auditQuery(owner).setRows(1).setFields(AuditDocuments.VERSION);
    query.setSort(AuditDocuments.VERSION, SolrQuery.ORDER.desc);
    List<SolrDocument> docs = query(query).getResults();
    return docs.isEmpty() ? 0
        : ((Number) docs.get(0).getFirstValue(AuditDocuments.VERSION)).longValue();
  }

  private SolrQuery auditQuery(SubjectRef owner) {
    SolrQuery query = new SolrQuery("*:*");
    query.addFilterQuery("{!term f=" + AuditDocuments.OWNER + " v=$engram.owner}");
    query.set("engram.owner", ItemDocuments.owner(owner));
    query.set("_route_", ItemDocuments.route(owner));
    query.setFields(AuditDocuments.FIELDS);
    return query;
  }

  /**
   * The filter queries of {@code filter}, or empty when it can match nothing (a search whose
   * tiers exclude the hot one: cold items are never searched).
   */
  private static Optional<List<String>> filters(ItemFilter filter, boolean search) {
    List<String> filters = new ArrayList<>();
    if (!filter.kinds().containsAll(EnumSet.allOf(ItemKind.class))) {
      filters.add(ItemDocuments.KIND + ":(" + filter.kinds().stream().map(Enum::name).sorted()
          .collect(Collectors.joining(" OR ")) + ")");
    }
    if (search) {
      if (!filter.tiers().contains(Tier.HOT)) {
        return Optional.empty();
      }
      filters.add(ItemDocuments.TIER + ":" + Tier.HOT.name());
    } else if (!filter.tiers().containsAll(EnumSet.allOf(Tier.class))) {
      filters.add(ItemDocuments.TIER + ":(" + filter.tiers().stream().map(Enum::name).sorted()
          .collect(Collectors.joining(" OR ")) + ")");
    }
    timeFilter(filter.range()).ifPresent(filters::add);
    if (!filter.includeSuperseded()) {
      filters.add(ItemDocuments.CURRENT + ":true");
    }
    return Optional.of(filters);
  }

  /** Which of {@code docIds} exist (all of them belong to {@code owner}). */
  private List<String> existingIds(SubjectRef owner, Set<String> docIds) throws Exception {
    return existingDocs(owner, docIds, false).stream()
        .map(doc -> doc.getFirstValue(ID).toString()).toList();
  }

  /** The documents of {@code docIds} that exist, with their stored vectors if asked. */
  private List<SolrDocument> existingDocs(SubjectRef owner, Set<String> docIds,
      boolean withVectors) throws Exception {
    List<SolrDocument> existing = new ArrayList<>();
    List<String> all = List.copyOf(docIds);
    for (int from = 0; from < all.size(); from += PAGE) {
      List<String> page = all.subList(from, Math.min(all.size(), from + PAGE));
      SolrQuery query = scoped(owner, "{!terms f=" + ID + " separator=$engram.sep v=$engram.ids}");
      query.set("engram.sep", "\u001f"); // ids are escaped: they hold no control characters
      query.set("engram.ids", String.join("\u001f", page));
      query.setRows(page.size()).setFields(ID + "," + ItemDocuments.FIELDS
          + (withVectors ? "," + ItemDocuments.VECTOR : ""));
      existing.addAll(query(query).getResults());
    }
    return existing;
  }

  /**
   * Makes the last write visible to the next read on every shard. The write itself is already
   * durable: each update request fsyncs the transaction log of every replica before Solr answers
   * ({@code syncLevel=FSYNC}). After an add a soft commit (a new searcher, no segment flush)
   * suffices; after a delete ({@code expunge}) it is a hard commit with {@code expungeDeletes},
   * which rewrites the segments holding deleted documents without them (the merge policy allows
   * 0% deletes) and fsyncs them.
   */
  private void commit(boolean expunge) throws Exception {
    UpdateRequest commit = new UpdateRequest();
    commit.setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true, !expunge);
    if (expunge) {
      commit.setParam("expungeDeletes", "true");
    }
    commit.process(client, config.collection());
    if (expunge) {
      // A merge that was running when the deletes came in (one a recent soft commit started)
      // is skipped by expungeDeletes and ends with the deleted documents still in its segment;
      // the second pass rewrites that segment (ForgetExpungesTest, key line taken back).
      commit.process(client, config.collection());
    }
  }

  /** A query of the subject's items, routed to the subject's shard. */
  private SolrQuery scoped(SubjectRef owner, String q) {
    requireOpen();
    Require.nonNull(owner, "owner");
    SolrQuery query = new SolrQuery(q);
    query.addFilterQuery(ownerFilter());
    query.set("engram.owner", ItemDocuments.owner(owner));
    query.set("_route_", ItemDocuments.route(owner));
    query.setFields(ItemDocuments.FIELDS);
    return query;
  }

  private static String ownerFilter() {
    return "{!term f=" + OWNER + " v=$engram.owner}";
  }

  /**
   * The filter of event times in {@code range}, at millisecond precision: a bound with a
   * sub-millisecond part is rounded outward, as in the embedded store.
   */
  private static Optional<String> timeFilter(TimeRange range) {
    if (range.isAll()) {
      return Optional.empty();
    }
    String lower = range.from() == null ? "*" : Long.toString(floorMillis(range.from()));
    String upper;
    if (range.to() == null) {
      upper = "*]";
    } else {
      long end = ceilMillis(range.to());
      upper = end + "}";
    }
    return Optional.of(EVENT_TIME + ":[" + lower + " TO " + upper);
  }

  private static long floorMillis(Instant time) {
    try {
      return time.toEpochMilli();
    } catch (ArithmeticException e) {
      return time.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  private static long ceilMillis(Instant time) {
    long floor = floorMillis(time);
    boolean exact = time.getNano() % 1_000_000 == 0;
    return exact || floor == Long.MAX_VALUE ? floor : floor + 1;
  }

  private static String escaped(String value) {
    return ClientUtils.escapeQueryChars(value);
  }

  /** Up to {@code limit} documents of a sorted query, paged with a cursor. */
  private List<MemoryItem> fetch(SolrQuery query, int limit, String operation) {
    query.addSort(ID, SolrQuery.ORDER.asc);
    List<MemoryItem> items = new ArrayList<>();
    String cursor = CursorMarkParams.CURSOR_MARK_START;
    while (items.size() < limit) {
      query.setRows(Math.min(PAGE, limit - items.size()));
      query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
      QueryResponse response = search(query, operation);
      for (SolrDocument doc : response.getResults()) {
        items.add(ItemDocuments.toItem(doc));
      }
      String next = response.getNextCursorMark();
      if (response.getResults().isEmpty() || next == null || next.equals(cursor)) {
        break;
      }
      cursor = next;
    }
    return items;
  }

  private static List<ScoredItem> scored(List<SolrDocument> docs,
      java.util.function.DoubleUnaryOperator score) {
    List<ScoredItem> hits = new ArrayList<>(docs.size());
    for (SolrDocument doc : docs) {
      double raw = ((Number) doc.getFirstValue("score")).doubleValue();
      hits.add(new ScoredItem(ItemDocuments.toItem(doc), score.applyAsDouble(raw)));
    }
    return hits;
  }

  private QueryResponse search(SolrQuery query, String operation) {
    requireOpen();
    return retrying(operation, () -> query(query));
  }

  private QueryResponse query(SolrQuery query) throws Exception {
    QueryRequest request = new QueryRequest(query, SolrRequest.METHOD.POST);
    return request.process(client, config.collection());
  }

  private <T> T write(String operation, SolrCall<T> call) {
    writes.lock();
    try {
      requireOpen();
      return retrying(operation, call);
    } finally {
      writes.unlock();
    }
  }

  /**
   * Runs {@code call}, retrying while the failure is one a cluster recovers from by itself (no
   * reachable leader or replica, a node that went away) until the write retry timeout; a request
   * Solr refuses as bad is not retried. Adds replace by id and deletes are idempotent, so a retry
   * after a lost acknowledgement does no harm.
   */
  private <T> T retrying(String operation, SolrCall<T> call) {
    long deadline = System.nanoTime() + config.writeRetryTimeout().toNanos();
    long backoffMillis = 100;
    while (true) {
      try {
        return call.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted during " + operation, e);
      } catch (SolrException e) {
        if (!transientFailure(e) || System.nanoTime() - deadline > 0 || closed) {
          throw failure(operation, e);
        }
      } catch (RuntimeException e) {
        throw e; // our own validation (IllegalArgumentException, StoreException): never retried
      } catch (Exception e) {
        if (System.nanoTime() - deadline > 0 || closed) {
          throw failure(operation, e);
        }
      }
      try {
        Thread.sleep(backoffMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted during " + operation, e);
      }
      backoffMillis = Math.min(2_000, backoffMillis * 2);
    }
  }

  /**
   * Server errors and unavailability are worth a retry, and so is a version conflict (409: another
   * writer took the audit version this one read; the retry reads it again); any other refused
   * request (4xx) is not.
   */
  private static boolean transientFailure(SolrException e) {
    int code = e.code();
    return code >= 500 || code <= 0 || code == 409;
  }

  private StoreException failure(String operation, Exception e) {
    if (e instanceof StoreException store) {
      return store;
    }
    return new StoreException("Solr collection '" + config.collection() + "': " + operation
        + " failed: " + SolrConnection.rootMessage(e), e);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("store is closed: " + this);
    }
  }

  private void requireWritable() {
    if (readOnly) {
      throw new StoreException("store is read-only: " + this);
    }
  }




  /** One call to Solr. */
  @FunctionalInterface
  private interface SolrCall<T> {
    T run() throws Exception;
  }
}
