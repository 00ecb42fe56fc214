package dev.engram.spring.ai;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Engram starter, under the prefix {@code engram}. Every default is the one the
 * {@code engram} command line uses, so an application and the CLI can share a data directory.
 */
@ConfigurationProperties(prefix = "engram")
public class EngramProperties {
  /** Where the embedded store keeps its files (store kind {@code lucene}). */
  private Path dataDir = Path.of("engram-data");

  /** Token budget of each recalled context (characters / 4), in [50, 1000000]. */
  private int budget = 3500;

  /** The embedder, by model id; the bundled ONNX model by default. */
  private String embedder = "bge-small-en-v1.5-q";

  /** The tenant this application's memory belongs to; nothing crosses tenants. */
  private String tenant = "default";

  /**
   * The store kind, found through {@code dev.engram.spi.Providers}: {@code lucene} (embedded, in
   * {@code data-dir}) or {@code solr} (SolrCloud, when {@code dev.engram:engram-solr} is on the
   * class path; see {@code engram.solr.zk-host}).
   */
  private String store = "lucene";

  /** SolrCloud settings, used when {@code engram.store=solr}. */
  private final Solr solr = new Solr();

  /** Settings of the ChatClient advisor. */
  private final Advisor advisor = new Advisor();

  public Path getDataDir() {
    return dataDir;
  }

  public void setDataDir(Path dataDir) {
    this.dataDir = dataDir;
  }

  public int getBudget() {
    return budget;
  }

  public void setBudget(int budget) {
    this.budget = budget;
  }

  public String getEmbedder() {
    return embedder;
  }

  public void setEmbedder(String embedder) {
    this.embedder = embedder;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public String getStore() {
    return store;
  }

  public void setStore(String store) {
    this.store = store;
  }

  public Solr getSolr() {
    return solr;
  }

  public Advisor getAdvisor() {
    return advisor;
  }

  /** SolrCloud settings. */
  public static class Solr {
    /**
     * ZooKeeper connect string of the SolrCloud cluster, e.g. {@code zk1:2181,zk2:2181/solr};
     * handed to the {@code solr} store as the system property {@code engram.solr.zk-host}.
     */
    private String zkHost;

    /**
     * The SolrCloud collection that holds the memory; handed to the {@code solr} store as the
     * system property {@code engram.solr.collection}.
     */
    private String collection;

    public String getZkHost() {
      return zkHost;
    }

    public void setZkHost(String zkHost) {
      this.zkHost = zkHost;
    }

    public String getCollection() {
      return collection;
    }

    public void setCollection(String collection) {
      this.collection = collection;
    }
  }

  /** Settings of the ChatClient advisor. */
  public static class Advisor {
    /** Whether every ChatClient built from the auto-configured builder gets the memory advisor. */
    private boolean enabled = true;

    /** The subject used when a request names no conversation id. */
    private String defaultSubject = "default";

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getDefaultSubject() {
      return defaultSubject;
    }

    public void setDefaultSubject(String defaultSubject) {
      this.defaultSubject = defaultSubject;
    }
  }
}
