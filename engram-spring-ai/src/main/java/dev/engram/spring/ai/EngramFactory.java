package dev.engram.spring.ai;

import dev.engram.Engram;
import dev.engram.model.Require;

/** Opens an {@link Engram} from {@link EngramProperties}, checking them first. */
final class EngramFactory {
  /** System property through which the {@code solr} store kind reads its ZooKeeper address. */
  static final String ZK_HOST_PROPERTY = "engram.solr.zk-host";
  /** System property through which the {@code solr} store kind reads its collection. */
  static final String COLLECTION_PROPERTY = "engram.solr.collection";

  private EngramFactory() {}

  /**
   * Opens the configured memory.
   *
   * @throws IllegalArgumentException naming the property that is missing or out of range
   * @throws dev.engram.EngramException if the store or embedder kind is not on the class path
   */
  static Engram open(EngramProperties properties) {
    String store = Require.nonBlank(properties.getStore(), "engram.store");
    Require.nonNull(properties.getDataDir(), "engram.data-dir");
    if (store.equals("solr")) {
      String zkHost = Require.nonBlank(properties.getSolr().getZkHost(), "engram.solr.zk-host");
      String collection =
          Require.nonBlank(properties.getSolr().getCollection(), "engram.solr.collection");
      System.setProperty(ZK_HOST_PROPERTY, zkHost);
      System.setProperty(COLLECTION_PROPERTY, collection);
    }
    return Engram.builder()
        .storeKind(store)
        .dataDir(properties.getDataDir())
        .embedderKind(Require.nonBlank(properties.getEmbedder(), "engram.embedder"))
        .tenant(Require.identifier(properties.getTenant(), "engram.tenant"))
        .budget(Require.inRange(properties.getBudget(), 50, 1_000_000, "engram.budget"))
        .build();
  }
}
