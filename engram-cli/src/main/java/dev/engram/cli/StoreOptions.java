package dev.engram.cli;

import dev.engram.Engram;
import dev.engram.EngramException;
import dev.engram.solr.SolrCollections;
import dev.engram.solr.SolrSettings;
import dev.engram.solr.SolrStoreConfig;
import dev.engram.spi.Providers;
import dev.engram.store.StoreException;
import dev.engram.write.AdmissionPolicy;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the memory lives and whose it is: options shared by every command. */
final class StoreOptions {
  /** The embedder Engram's builder uses by default (the bundled model). */
  static final String DEFAULT_EMBEDDER = "bge-small-en-v1.5-q";

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "The memory store directory (default: $ENGRAM_DATA_DIR, else ./engram-data).")
  Path dataDir;

  @Option(
      names = "--tenant",
      paramLabel = "NAME",
      defaultValue = "default",
      description = "Tenant whose memory to use (default: ${DEFAULT-VALUE}).")
  String tenant;

  @Option(
      names = "--embedder",
      paramLabel = "ID",
      description = "Embedder by model id: " + DEFAULT_EMBEDDER + ", e5-small-v2-q, "
          + "bge-small-en-v1.5-q+e5-small-v2-q (both models: more recall on chats like LoCoMo, "
          + "half the ingest rate), or openai (ENGRAM_EMBED_MODEL at the LLM endpoint). A store "
          + "keeps the one it was made with (default: $ENGRAM_EMBEDDER, else "
          + DEFAULT_EMBEDDER + ").")
  String embedder;

  @Option(
      names = "--store",
      paramLabel = "KIND",
      defaultValue = "lucene",
      description = "Store kind: lucene (embedded, in --data-dir) or solr (a SolrCloud collection "
          + "given by --zk-host and --solr-collection) (default: ${DEFAULT-VALUE}).")
  String storeKind;

  @Option(
      names = "--zk-host",
      paramLabel = "HOSTS",
      description = "SolrCloud ZooKeeper ensemble, host:port[,host:port...][/chroot] (default: "
          + "$ENGRAM_SOLR_ZK_HOST).")
  String zkHost;

  @Option(
      names = "--solr-collection",
      paramLabel = "NAME",
      description = "SolrCloud collection holding the memory (default: $ENGRAM_SOLR_COLLECTION).")
  String solrCollection;

  @Option(
      names = "--solr-create",
      paramLabel = "SHARDSxREPLICAS",
      description = "Create the Solr collection first if it does not exist, e.g. 2x2 (uploads "
          + "Engram's configset).")
  String solrCreate;

  /** The environment variable with the embedder's model id. */
  static final String EMBEDDER_ENV = "ENGRAM_EMBEDDER";

  /** The environment variable with the admission threshold (research.md F4). */
  static final String ADMISSION_ENV = "ENGRAM_ADMISSION_THRESHOLD";

  /** The admission policy for a threshold from the environment (null or blank: the default). */
  static AdmissionPolicy admission(String threshold) {
    if (threshold == null || threshold.isBlank()) {
      return AdmissionPolicy.DEFAULT;
    }
    try {
      return AdmissionPolicy.atThreshold(Double.parseDouble(threshold.strip()));
    } catch (IllegalArgumentException e) {
      throw new EngramException(ADMISSION_ENV + " must be a number in [0, 1], was '" + threshold
          + "'");
    }
  }

  Path dataDir() {
    return dataDir != null ? dataDir : Path.of(envOr("ENGRAM_DATA_DIR", "engram-data"));
  }

  /** The embedder's model id: {@code --embedder}, else the environment, else the default. */
  String embedderKind() {
    return embedder != null ? embedder : envOr(EMBEDDER_ENV, DEFAULT_EMBEDDER).strip();
  }

  /** The environment variable {@code name}, or {@code fallback} when it is unset or blank. */
  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value != null && !value.isBlank() ? value : fallback;
  }

  /** Opens the store for writing (creating it when absent). */
  Engram openForWrite() {
    return builder().build();
  }

  /** Opens an existing store for reading, without its write lock. */
  Engram openForRead() {
    return builder().readOnly(true).build();
  }

  /** A builder for the chosen store kind; for solr, the connection is handed to its factory. */
  Engram.Builder builder() {
    Engram.Builder builder = Engram.builder().dataDir(dataDir()).tenant(tenant)
        .storeKind(storeKind).embedderKind(embedderKind())
        .admission(admission(System.getenv(ADMISSION_ENV)));
    if ("solr".equals(storeKind)) {
      prepareSolr();
    } else if (zkHost != null || solrCollection != null || solrCreate != null) {
      throw new EngramException("--zk-host, --solr-collection and --solr-create need --store solr");
    }
    return builder;
  }

  /**
   * Passes --zk-host and --solr-collection to the solr store factory (as the system properties it
   * reads) and creates the collection when --solr-create asks for it.
   */
  private void prepareSolr() {
    if (zkHost != null) {
      System.setProperty(SolrSettings.ZK_HOST_PROPERTY, zkHost);
    }
    if (solrCollection != null) {
      System.setProperty(SolrSettings.COLLECTION_PROPERTY, solrCollection);
    }
    if (solrCreate != null) {
      String[] parts = solrCreate.toLowerCase(java.util.Locale.ROOT).split("x");
      if (parts.length != 2 || !parts[0].matches("\\d{1,4}") || !parts[1].matches("\\d{1,2}")) {
        throw new EngramException("--solr-create must be SHARDSxREPLICAS such as 2x2, was '"
            + solrCreate + "'");
      }
      SolrStoreConfig config = SolrSettings.resolve(dataDir());
      try (dev.engram.embed.Embedder embedder = Providers.embedder(embedderKind()).create()) {
        SolrCollections.create(config, embedder.info(), Integer.parseInt(parts[0]),
            Integer.parseInt(parts[1]));
      } catch (StoreException e) {
        if (!e.getMessage().contains("exists already")) {
          throw e;
        }
      }
    }
  }

  /** Fails with the known subjects listed when {@code subject} has no memory. */
  static void requireSubject(Engram engram, String subject, Path dataDir) {
    if (engram.stats(subject).items() == 0) {
      List<String> known = engram.subjects();
      throw new EngramException("subject '" + subject + "' has no memory in " + dataDir
          + (known.isEmpty() ? " (the store is empty)" : "; subjects: " + preview(known)));
    }
  }

  private static String preview(List<String> subjects) {
    return subjects.size() <= 10
        ? String.join(", ", subjects)
        : String.join(", ", subjects.subList(0, 10)) + ", ... (" + subjects.size() + " in all)";
  }
}
