package dev.engram.solr;

import dev.engram.store.StoreException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.impl.CloudLegacySolrClient;
import org.apache.solr.client.solrj.impl.LBHttpSolrClient;
import org.apache.solr.client.solrj.impl.ZkClientClusterStateProvider;
import org.apache.solr.common.cloud.ClusterState;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.solr.common.cloud.ZkStateReader;

/**
 * Opens the SolrJ client: a ZooKeeper-aware {@link CloudLegacySolrClient} over Apache HttpClient
 * (no Jetty on the class path), with the config's timeouts, and turns connection failures into one
 * clear {@link StoreException}.
 */
final class SolrConnection {
  private SolrConnection() {}

  /**
   * A connected client.
   *
   * @throws StoreException if ZooKeeper cannot be reached within the connect timeout
   */
  static CloudLegacySolrClient connect(SolrStoreConfig config) {
    int connectMillis = Math.toIntExact(config.connectTimeout().toMillis());
    int requestMillis = Math.toIntExact(config.requestTimeout().toMillis());
    CloudLegacySolrClient client = new CloudLegacySolrClient.Builder(config.zkHosts(),
        config.chroot())
        .withZkConnectTimeout(connectMillis, TimeUnit.MILLISECONDS)
        .withZkClientTimeout(Math.max(connectMillis, 10_000), TimeUnit.MILLISECONDS)
        .withLBHttpSolrClientBuilder(new LBHttpSolrClient.Builder()
            .withConnectionTimeout(connectMillis, TimeUnit.MILLISECONDS)
            .withSocketTimeout(requestMillis, TimeUnit.MILLISECONDS))
        .build();
    try {
      client.connect(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return client;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(client);
      throw new StoreException("interrupted while connecting to ZooKeeper at " + config.zkHost(),
          e);
    } catch (Exception e) {
      closeQuietly(client);
      throw new StoreException("cannot reach ZooKeeper at " + config.zkHost() + " within "
          + config.connectTimeout().toMillis() + " ms: " + rootMessage(e), e);
    }
  }

  static ZkStateReader stateReader(CloudLegacySolrClient client) {
    return ((ZkClientClusterStateProvider) client.getClusterStateProvider()).getZkStateReader();
  }

  static SolrZkClient zk(CloudLegacySolrClient client) {
    return stateReader(client).getZkClient();
  }

  /** The collection's current state, or null when it does not exist. */
  static DocCollection collection(CloudLegacySolrClient client, String name) {
    ClusterState state = stateReader(client).getClusterState();
    return state == null ? null : state.getCollectionOrNull(name);
  }

  static void closeQuietly(CloudLegacySolrClient client) {
    try {
      client.close();
    } catch (IOException | RuntimeException e) {
      // closing after a failure: the first error is the one to report
    }
  }

  /** The innermost cause's message: what actually went wrong, without the wrapping. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
