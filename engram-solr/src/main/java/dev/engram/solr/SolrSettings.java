package dev.engram.solr;

import dev.engram.store.StoreException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Finds the SolrCloud connection for the {@code solr} store kind, which is opened through the
 * data-directory SPI: first system properties ({@code engram.solr.zkHost}, or its alias
 * {@code engram.solr.zk-host}, and {@code engram.solr.collection}), then environment variables,
 * then {@code <dataDir>/solr.properties}.
 */
public final class SolrSettings {
  /** System property naming the ZooKeeper ensemble. */
  public static final String ZK_HOST_PROPERTY = "engram.solr.zkHost";
  /** Alias of {@link #ZK_HOST_PROPERTY} in the kebab case of Spring-style settings. */
  public static final String ZK_HOST_ALIAS = "engram.solr.zk-host";
  /** System property naming the collection. */
  public static final String COLLECTION_PROPERTY = "engram.solr.collection";
  /** Environment variable naming the ZooKeeper ensemble. */
  public static final String ZK_HOST_ENV = "ENGRAM_SOLR_ZK_HOST";
  /** Environment variable naming the collection. */
  public static final String COLLECTION_ENV = "ENGRAM_SOLR_COLLECTION";
  /** The file in the data directory that may hold {@code zkHost} and {@code collection}. */
  public static final String FILE_NAME = "solr.properties";

  private SolrSettings() {}

  /** The config from this JVM's system properties, environment and {@code dataDir}. */
  public static SolrStoreConfig resolve(Path dataDir) {
    return resolve(dataDir, System::getProperty, System.getenv());
  }

  static SolrStoreConfig resolve(Path dataDir, Function<String, String> properties,
      Map<String, String> env) {
    Properties file = readFile(dataDir);
    String zkHost = first(properties.apply(ZK_HOST_PROPERTY), properties.apply(ZK_HOST_ALIAS),
        env.get(ZK_HOST_ENV), file.getProperty("zkHost"));
    String collection = first(properties.apply(COLLECTION_PROPERTY), env.get(COLLECTION_ENV),
        file.getProperty("collection"));
    if (zkHost == null || collection == null) {
      throw new StoreException("the solr store needs a ZooKeeper host and a collection: set "
          + ZK_HOST_PROPERTY + " and " + COLLECTION_PROPERTY + " (or " + ZK_HOST_ENV + " and "
          + COLLECTION_ENV + ", or zkHost= and collection= in " + FILE_NAME
          + " in the data directory); missing: " + (zkHost == null ? "zkHost " : "")
          + (collection == null ? "collection" : ""));
    }
    return SolrStoreConfig.of(zkHost, collection);
  }

  private static Properties readFile(Path dataDir) {
    Properties properties = new Properties();
    if (dataDir == null) {
      return properties;
    }
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.isRegularFile(file)) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    return properties;
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }
}
