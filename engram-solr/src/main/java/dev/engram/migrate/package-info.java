/**
 * Moving memory between stores: {@link dev.engram.migrate.MemoryExport} writes one subject's
 * items (every field, the lifecycle and the vector) and audit log as JSON lines and reads them
 * back into any {@link dev.engram.store.MemoryStore}, so a subject can go from the embedded Lucene
 * store to a SolrCloud collection and back without loss. The CLI's {@code engram export} and
 * {@code engram import} are thin wrappers. It lives beside the Solr store because that module's
 * tests hold the real cluster the Lucene to Solr to Lucene round trip is proven on; it depends on
 * nothing of Solr.
 */
package dev.engram.migrate;
