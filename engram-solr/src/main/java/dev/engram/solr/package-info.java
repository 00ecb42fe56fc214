/**
 * The SolrCloud store: {@link dev.engram.solr.SolrMemoryStore}, the same items, BM25 index and
 * HNSW vectors as the embedded Lucene store, in one SolrCloud collection, so that many stateless
 * Engram processes can share one memory that Solr shards and replicates.
 *
 * <p><b>Layout.</b> One collection for all tenants, compositeId-routed. A document's id is
 * {@code <owner>!<item id>} with {@code owner = tenant:subject} (both percent-escaped,
 * {@code ItemDocuments}): all of a subject's items hash into one 1/65536 slice of the ring, so
 * they live in one shard and every subject-scoped read carries {@code _route_=<owner>!} and
 * touches that shard only. The two-part key is chosen over {@code tenant!subject!id}, whose
 * default 8/8/16 bit split would put a whole tenant into 1/256 of the ring (one shard for a big
 * tenant); here the subjects of one tenant spread over all shards. Tenant-wide calls
 * ({@code subjects}, {@code stats}) fan out to every shard.
 *
 * <p><b>Schema.</b> The configset in {@code dev/engram/solr/configset/} (a fixed classic schema)
 * is rendered for the embedder's dimension and uploaded to ZooKeeper by
 * {@link dev.engram.solr.SolrCollections#create} with {@code engram-store.properties}: format
 * {@code solr}, the schema version, the embedder's model id and dimension. Every open reads it
 * back from the collection's configset and refuses a mismatch with one error naming both sides.
 * The text field's analyser chain is Lucene's EnglishAnalyzer (standard tokenizer, English
 * possessive, lower case, the same 33 stopwords, Porter stemmer), so BM25 sees the same terms.
 *
 * <p><b>Queries.</b> Every read filters on the owner ({@code {!term f=owner}}, never parsed from
 * user text). Text: the words are escaped into one term for the lucene parser with
 * {@code q.op=OR}, so the field's analyser splits them and each analysed term is a SHOULD clause,
 * and no input is a syntax error. Vectors: {@code {!knn f=vector topK=max(limit,100)}} as the
 * main query with owner and time as its {@code preFilter} (HNSW searches only the subject's items
 * in range; a knn inside {@code fq} would be a post-filter of the global top k and lose hits);
 * the same filters are also {@code fq}s. Scores are Lucene's, the vector score turned back into
 * the cosine. Fusion of the text and vector lists happens in the core's recall pipeline (a convex
 * combination of normalised scores), as for every store.
 *
 * <p><b>Durability and faults.</b> Each write is an update routed to the shard leaders, which
 * forward it to their replicas before answering; the configset's {@code syncLevel=FSYNC} makes
 * every replica fsync its transaction log first, so an acknowledged write survives a crash or
 * power loss (it is replayed on start). A commit that opens a new searcher on every shard follows
 * (soft after adds, hard after deletes), so the next read sees the write. Writes retry for a
 * bounded time while a shard has no reachable leader (a node died and a new leader is being
 * elected). Unlike the embedded store, a call with items of several subjects is not atomic across
 * shards: items are validated before anything is sent, but a node failure in the middle of the
 * call can leave part of it written (a retry then completes it). Audit events are documents of
 * their own (see {@code AuditDocuments}), numbered with optimistic concurrency.
 *
 * <p><b>Forgetting.</b> Deletes are hard deletes followed by a commit with
 * {@code expungeDeletes=true} under a merge policy that allows 0% deleted documents, so the
 * segments that held forgotten items are rewritten without them. What Solr does not guarantee:
 * the update log (tlog) keeps recent updates, including the text of items since forgotten, until
 * its old files are deleted; backups and snapshots taken earlier keep them too.
 */
package dev.engram.solr;
