package dev.engram.solr;

import dev.engram.embed.EmbedderInfo;
import dev.engram.model.Require;
import dev.engram.store.StoreException;
import org.apache.solr.client.solrj.impl.CloudLegacySolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;

/**
 * Creates Engram collections: uploads the configset shipped in this module (rendered for the
 * embedder) to ZooKeeper and creates a compositeId-routed collection from it.
 */
public final class SolrCollections {
  private SolrCollections() {}

  /**
   * Creates {@code config.collection()} with {@code shards} shards of {@code replicas} NRT
   * replicas each, and waits until every replica is active. Uploads configset
   * {@code engram-v<schema version>-<model>-<dimension>} first unless it exists.
   *
   * @throws StoreException if ZooKeeper is unreachable, the collection exists already, or the
   *     cluster refuses the creation (e.g. too few live nodes)
   */
  public static void create(SolrStoreConfig config, EmbedderInfo embedder, int shards,
      int replicas) {
    Require.nonNull(config, "config");
    Require.nonNull(embedder, "embedder");
    Require.inRange(shards, 1, 1024, "shards");
    Require.inRange(replicas, 1, 16, "replicas");
    CloudLegacySolrClient client = SolrConnection.connect(config);
    try {
      if (SolrConnection.collection(client, config.collection()) != null) {
        throw new StoreException("Solr collection '" + config.collection() + "' exists already");
      }
      SchemaManifest manifest = SchemaManifest.current(embedder);
      String configName = EngramConfigSet.name(manifest);
      EngramConfigSet.upload(SolrConnection.zk(client), configName, manifest);
      CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(
          config.collection(), configName, shards, replicas).setRouterName("compositeId");
      create.setWaitForFinalState(true);
      create.process(client);
      SolrConnection.stateReader(client).waitForState(config.collection(),
          config.requestTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS,
          (nodes, collection) -> collection != null
              && collection.getActiveSlices().size() == shards
              && collection.getActiveSlices().stream().allMatch(slice ->
                  slice.getLeader() != null && slice.getReplicas().stream()
                      .filter(replica -> replica.isActive(nodes)).count() == replicas));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while creating Solr collection", e);
    } catch (StoreException e) {
      throw e;
    } catch (Exception e) {
      throw new StoreException("cannot create Solr collection '" + config.collection() + "': "
          + SolrConnection.rootMessage(e), e);
    } finally {
      SolrConnection.closeQuietly(client);
    }
  }
}
