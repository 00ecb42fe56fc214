package dev.engram.solr;

import dev.engram.embed.EmbedderInfo;

/** The shared test cluster, for tests in other packages: an emptied 2-shard collection. */
public final class SolrTestClusterAccess {
  private SolrTestClusterAccess() {}

  /** Creates {@code name} (2 shards x 1 replica) unless it exists, empties it, and configures it. */
  public static SolrStoreConfig collection(String name, EmbedderInfo embedder) {
    SolrStoreConfig config = SolrTestCluster.collection(name, embedder, 2, 1);
    SolrTestCluster.clear(name);
    return config;
  }
}
