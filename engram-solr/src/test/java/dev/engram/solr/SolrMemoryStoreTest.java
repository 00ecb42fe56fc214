package dev.engram.solr;

import dev.engram.embed.EmbedderInfo;
import dev.engram.store.MemoryStore;
import dev.engram.store.MemoryStoreContract;

/**
 * The whole contract suite against a real SolrCloud: a 2-shard collection on two nodes, emptied
 * before each test, opened through {@link SolrMemoryStore#open} as a user would.
 */
class SolrMemoryStoreTest extends MemoryStoreContract {
  private static final String COLLECTION = "contract";

  private SolrStoreConfig config;
  private EmbedderInfo embedder;

  @Override
  protected MemoryStore openStore(EmbedderInfo embedderInfo) {
    this.embedder = embedderInfo;
    this.config = SolrTestCluster.collection(COLLECTION, embedderInfo, 2, 1);
    SolrTestCluster.clear(COLLECTION);
    return SolrMemoryStore.open(config, embedderInfo, false);
  }

  @Override
  protected MemoryStore reopen(MemoryStore current) {
    current.close();
    return SolrMemoryStore.open(config, embedder, false);
  }
}
