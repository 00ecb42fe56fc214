/**
 * The embedded store: {@link dev.engram.lucene.LuceneMemoryStore}, one Lucene 9.12 index on local
 * disk that holds the items, their BM25 index and their HNSW vector graph together, so an item is
 * written, found and deleted in one place and one commit.
 *
 * <p><b>On disk.</b> A data directory holds {@code engram-store.properties} (format {@code lucene},
 * format version 1, the embedder's model id and dimension; written once, atomically, by temp file
 * and rename) and the index in {@code index/}. The same four values are in the user data of every
 * Lucene commit. Every open checks them: another embedder's vectors would silently give garbage
 * neighbours, so a mismatch is an error naming both sides; a non-empty directory without a
 * manifest is refused untouched, so a mistyped path never gets an index written into it.
 *
 * <p><b>One document per item</b> ({@code ItemDocuments}): {@code id}, {@code tenant},
 * {@code subject}, {@code session}, {@code kind} and {@code contentHash} as exact-match string
 * fields; {@code owner} (tenant NUL subject), the single term every read and delete filters on,
 * and {@code uid} (owner NUL id), the update key, so replacing or deleting by id can never touch
 * another subject; {@code subjectSeq}, {@code sessionSeq}, {@code eventTime} and
 * {@code ingestTime} (epoch millis; the sub-millisecond rest is stored apart so items round-trip
 * exactly) and {@code tokens} as points (range filters), doc values (sorting, stats) and stored
 * values; {@code text} stored; {@code key} analysed by {@code EnglishAnalyzer} for BM25;
 * {@code vector} as an HNSW vector; {@code sourceId} stored, multi-valued.
 *
 * <p><b>Lifecycle and audit</b> (see {@code docs/store-spi.md}). An item's lifecycle is stored
 * (pin, attribute, validity, supersededBy, salience, accesses); only cold items carry an indexed
 * {@code tier=COLD} term and only superseded ones {@code superseded=1}, so documents written
 * before lifecycles existed read as hot and current. A cold item has no HNSW vector and an
 * unindexed key ({@code coldKey}); its vector is kept as a stored blob ({@code coldVector}) so it
 * can be warmed again. {@code update} reads a hot item's vector back from the vector values.
 * Audit events are documents of the same index ({@code AuditDocuments}) with no item fields, so no
 * item query, count or delete sees them; they hold ids, never text.
 *
 * <p><b>Queries</b> ({@code ItemQueries}). Text: the analysed terms of the query as SHOULD
 * clauses of a BooleanQuery, owner and time range as FILTER clauses; no query parser, so no user
 * text is a syntax error, and a query of only stopwords finds nothing. Vectors: a
 * {@code KnnFloatVectorQuery} whose filter (owner and time) is a pre-filter, so a subject's
 * neighbours are found among its own items, not the whole index and then filtered; Lucene scans
 * exactly when the filter matches fewer docs than k. The similarity is {@code DOT_PRODUCT}:
 * embedders return unit vectors, for which it equals cosine and skips the norms; its score
 * (1 + cos) / 2 is turned back into the cosine. HNSW is asked for k = max(limit, 100,
 * sqrt(docs) / 4) candidates and the best {@code limit} returned, because recall at small k is
 * poor (0.62 at k = 10 against 0.94 at k = 100 on real embeddings) and falls as the graph grows. Vectors of up to 8192 dimensions are accepted
 * ({@code WideVectorCodec}; Lucene's default stops at 1024). Time filters work at millisecond
 * precision.
 *
 * <p><b>Durability.</b> Every add and delete is one IndexWriter call ({@code updateDocuments}
 * with a delete-by-uid query, or {@code deleteDocuments}) followed by {@code commit()}, which
 * fsyncs the new files and then atomically publishes the commit point: after a call returns, its
 * change survives kill -9 and power loss, and a crash before then leaves none of it. Lucene
 * files are write-once, so each is fsynced once ({@code SyncOnceDirectory}), not at every commit
 * that still references it. A write that fails is rolled back and the store refuses further
 * writes until reopened.
 *
 * <p><b>Concurrency and locking.</b> Reads use a {@code SearcherManager} refreshed after each
 * commit, so they see every returned write and never wait for one; inside a unit of work
 * ({@code atomically}, one commit at its end) it is refreshed only before the first read after a
 * write, since each refresh flushes a segment. A search runs over the
 * index's segments in parallel on one JVM-wide pool of a thread per core ({@code SearchThreads}),
 * the calling thread taking part; a large memory lives in tens of segments. The whole-memory
 * check of recall stops counting once the tokens pass the budget ({@code IndexAggregates}).
 * Writes are serialised. A
 * writable open takes Lucene's {@code write.lock} (a native OS file lock, released by the OS when a
 * process dies); a second writer gets {@link dev.engram.store.StoreLockedException}. A read-only
 * open takes no lock, opens the last commit and reopens newer commits of a writing process before
 * each read.
 */
package dev.engram.lucene;
