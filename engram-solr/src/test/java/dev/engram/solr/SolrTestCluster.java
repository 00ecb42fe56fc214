package dev.engram.solr;

import dev.engram.embed.EmbedderInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * One real SolrCloud for all tests of this JVM: embedded ZooKeeper and two Jetty Solr nodes on
 * loopback (solr-test-framework), started on first use and shut down when the JVM exits.
 * Collections are created through Engram's own {@link SolrCollections}, so the shipped configset
 * is what every test runs against.
 */
final class SolrTestCluster {
  private static MiniSolrCloudCluster cluster;

  private SolrTestCluster() {}

  /** The running cluster (started on first call, 2 nodes). */
  static synchronized MiniSolrCloudCluster get() {
    if (cluster == null) {
      try {
        Path dir = Files.createTempDirectory("engram-solr-cluster");
        System.setProperty("solr.log.dir", dir.resolve("logs").toString());
        cluster = new MiniSolrCloudCluster.Builder(2, dir).build();
        MiniSolrCloudCluster started = cluster;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.shutdown();
          } catch (Exception e) {
            // the JVM is exiting
          }
        }));
      } catch (Exception e) {
        throw new IllegalStateException("cannot start the test SolrCloud", e);
      }
    }
    return cluster;
  }

  static String zkHost() {
    return get().getZkServer().getZkAddress();
  }

  /** A config for {@code collection} with short timeouts, as tests want them. */
  static SolrStoreConfig config(String collection) {
    return SolrStoreConfig.of(zkHost(), collection)
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30))
        .withWriteRetry(Duration.ofSeconds(45));
  }

  /** Creates {@code collection} (shards x replicas) for {@code embedder} unless it exists. */
  static SolrStoreConfig collection(String collection, EmbedderInfo embedder, int shards,
      int replicas) {
    SolrStoreConfig config = config(collection);
    if (!get().getZkStateReader().getClusterState().hasCollection(collection)) {
      SolrCollections.create(config, embedder, shards, replicas);
    }
    return config;
  }

  /** Deletes every document of {@code collection} and commits (test set-up only). */
  static void clear(String collection) {
    try {
      SolrClient client = get().getSolrClient(collection);
      client.deleteByQuery("*:*");
      client.commit(true, true);
    } catch (Exception e) {
      throw new IllegalStateException("cannot clear " + collection, e);
    }
  }
}
