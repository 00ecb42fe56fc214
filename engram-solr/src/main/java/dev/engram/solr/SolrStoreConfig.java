package dev.engram.solr;

import dev.engram.model.Require;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a SolrCloud store lives and how long to wait for it.
 *
 * @param zkHost the ZooKeeper ensemble as Solr writes it: {@code host:port[,host:port...][/chroot]}
 * @param collection the collection that holds the items
 * @param connectTimeout how long to wait for ZooKeeper and for a node's TCP connection
 * @param requestTimeout how long one HTTP request to a node may take (socket read timeout)
 * @param writeRetryTimeout how long a write keeps retrying while a shard has no reachable leader
 *     (e.g. during a leader election after a node stopped); zero for no retry
 */
public record SolrStoreConfig(String zkHost, String collection, Duration connectTimeout,
    Duration requestTimeout, Duration writeRetryTimeout) {
  /** Defaults for the timeouts: 15 s to connect, 60 s per request, 30 s of write retries. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_WRITE_RETRY = Duration.ofSeconds(30);

  public SolrStoreConfig {
    Require.nonBlank(zkHost, "zkHost");
    Require.nonBlank(collection, "collection");
    if (!collection.matches("[A-Za-z0-9_][A-Za-z0-9_.\\-]*")) {
      throw new IllegalArgumentException("collection must be a Solr collection name (letters, "
          + "digits, '_', '-', '.'), was '" + collection + "'");
    }
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    Require.nonNull(writeRetryTimeout, "writeRetryTimeout");
    if (writeRetryTimeout.isNegative()) {
      throw new IllegalArgumentException("writeRetryTimeout must not be negative");
    }
    zkHosts(zkHost); // validates
  }

  /** A config with the default timeouts. */
  public static SolrStoreConfig of(String zkHost, String collection) {
    return new SolrStoreConfig(zkHost, collection, DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT, DEFAULT_WRITE_RETRY);
  }

  /** This config with other connect and request timeouts. */
  public SolrStoreConfig withTimeouts(Duration connect, Duration request) {
    return new SolrStoreConfig(zkHost, collection, connect, request, writeRetryTimeout);
  }

  /** This config with another write retry timeout. */
  public SolrStoreConfig withWriteRetry(Duration retry) {
    return new SolrStoreConfig(zkHost, collection, connectTimeout, requestTimeout, retry);
  }

  /** The {@code host:port} entries of {@link #zkHost}. */
  List<String> zkHosts() {
    return zkHosts(zkHost);
  }

  /** The chroot of {@link #zkHost} ({@code /solr} in {@code zk1:2181/solr}), if any. */
  Optional<String> chroot() {
    int slash = zkHost.indexOf('/');
    return slash < 0 || slash == zkHost.length() - 1 ? Optional.empty()
        : Optional.of(zkHost.substring(slash));
  }

  private static List<String> zkHosts(String zkHost) {
    int slash = zkHost.indexOf('/');
    String hosts = slash < 0 ? zkHost : zkHost.substring(0, slash);
    List<String> list = Arrays.stream(hosts.split(",")).map(String::strip).toList();
    for (String host : list) {
      if (!host.matches("[^\\s:/]+:\\d{1,5}")) {
        throw new IllegalArgumentException(
            "zkHost must be host:port[,host:port...][/chroot], was '" + zkHost + "'");
      }
    }
    return list;
  }

  private static void requirePositive(Duration value, String name) {
    Require.nonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
