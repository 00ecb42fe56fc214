package dev.engram.server.cli;

import dev.engram.server.EngramServer;
import dev.engram.server.ServerConfig;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code engram serve}: runs the HTTP server on the embedded store until it is stopped (SIGTERM or
 * Ctrl-C shut it down gracefully). Every option has an {@code ENGRAM_*} environment variable; the
 * upstream API key comes only from {@code ENGRAM_UPSTREAM_API_KEY}, never from a flag, so it does
 * not show up in process listings.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Run the multi-tenant memory server (REST API + OpenAI-compatible proxy).")
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data-dir", paramLabel = "DIR",
      defaultValue = "${env:ENGRAM_DATA_DIR:-engram-data}",
      description = "Memory store directory; holds the API key file too (env ENGRAM_DATA_DIR, "
          + "default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--host", defaultValue = "${env:ENGRAM_SERVER_HOST:-127.0.0.1}",
      description = "Interface to listen on (env ENGRAM_SERVER_HOST, default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "${env:ENGRAM_SERVER_PORT:-8080}",
      description = "TCP port, 0 for any free one (env ENGRAM_SERVER_PORT, default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--upstream-url", paramLabel = "URL", defaultValue = "${env:ENGRAM_UPSTREAM_URL}",
      description = "OpenAI-compatible base URL the proxy forwards to, e.g. "
          + "http://127.0.0.1:11434/v1 (env ENGRAM_UPSTREAM_URL; none: the proxy answers 503).")
  URI upstreamUrl;

  @Option(names = "--upstream-model", paramLabel = "NAME",
      defaultValue = "${env:ENGRAM_UPSTREAM_MODEL}",
      description = "Model name that replaces the request's (env ENGRAM_UPSTREAM_MODEL).")
  String upstreamModel;

  @Option(names = "--upstream-timeout", paramLabel = "SECONDS",
      defaultValue = "${env:ENGRAM_UPSTREAM_TIMEOUT:-120}",
      description = "Seconds the proxy waits for an upstream answer (env ENGRAM_UPSTREAM_TIMEOUT, "
          + "default: ${DEFAULT-VALUE}).")
  int upstreamTimeoutSeconds;

  @Option(names = "--max-body-bytes", paramLabel = "BYTES",
      defaultValue = "${env:ENGRAM_SERVER_MAX_BODY_BYTES:-4194304}",
      description = "Largest request body (env ENGRAM_SERVER_MAX_BODY_BYTES, default: ${DEFAULT-VALUE}).")
  long maxBodyBytes;

  @Option(names = "--rate-limit", paramLabel = "PER_SECOND",
      defaultValue = "${env:ENGRAM_SERVER_RATE_LIMIT:-50}",
      description = "Requests per second per API key, 0 for no limit (env ENGRAM_SERVER_RATE_LIMIT, "
          + "default: ${DEFAULT-VALUE}).")
  double ratePerSecond;

  @Option(names = "--rate-burst", paramLabel = "N", defaultValue = "${env:ENGRAM_SERVER_RATE_BURST:-100}",
      description = "Requests a key may make at once (env ENGRAM_SERVER_RATE_BURST, "
          + "default: ${DEFAULT-VALUE}).")
  int burst;

  @Option(names = "--budget", paramLabel = "TOKENS", defaultValue = "${env:ENGRAM_BUDGET:-3500}",
      description = "Default recall budget (env ENGRAM_BUDGET, default: ${DEFAULT-VALUE}).")
  int budget;

  @Option(names = "--drain-timeout", paramLabel = "SECONDS",
      defaultValue = "${env:ENGRAM_SERVER_DRAIN_TIMEOUT:-30}",
      description = "Seconds shutdown waits for writes in flight (env ENGRAM_SERVER_DRAIN_TIMEOUT, "
          + "default: ${DEFAULT-VALUE}).")
  int drainSeconds;

  @Option(names = "--store", paramLabel = "KIND", defaultValue = "${env:ENGRAM_STORE:-lucene}",
      description = "Store kind: lucene (embedded, in --data-dir) or solr (a SolrCloud collection "
          + "given by --zk-host and --solr-collection) (env ENGRAM_STORE, default: ${DEFAULT-VALUE}).")
  String storeKind;

  @Option(names = "--zk-host", paramLabel = "HOSTS",
      description = "ZooKeeper ensemble of the SolrCloud cluster, host:port[,host:port][/chroot] "
          + "(with --store solr; env ENGRAM_SOLR_ZK_HOST).")
  String zkHost;

  @Option(names = "--solr-collection", paramLabel = "NAME",
      description = "SolrCloud collection holding the memory (with --store solr; env "
          + "ENGRAM_SOLR_COLLECTION).")
  String solrCollection;

  private final CountDownLatch stop;

  /** A command that serves until the JVM shuts down. */
  public ServeCommand() {
    this(new CountDownLatch(1));
  }

  /** A command that serves until {@code stop} opens (for tests). */
  ServeCommand(CountDownLatch stop) {
    this.stop = stop;
  }

  ServerConfig config() {
    // The solr store kind is opened through the data-directory SPI and reads its connection from
    // these system properties (see engram-solr's SolrSettings).
    if (zkHost != null) {
      System.setProperty("engram.solr.zkHost", zkHost);
    }
    if (solrCollection != null) {
      System.setProperty("engram.solr.collection", solrCollection);
    }
    String upstreamKey = System.getenv("ENGRAM_UPSTREAM_API_KEY");
    return ServerConfig.builder(dataDir).host(host).port(port).upstreamUrl(upstreamUrl)
        .upstreamModel(upstreamModel)
        .upstreamApiKey(upstreamKey == null || upstreamKey.isBlank() ? null : upstreamKey)
        .upstreamTimeout(Duration.ofSeconds(upstreamTimeoutSeconds)).maxBodyBytes(maxBodyBytes)
        .rateLimit(ratePerSecond, burst).budget(budget)
        .drainTimeout(Duration.ofSeconds(drainSeconds)).storeKind(storeKind).build();
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    ServerConfig config = config();
    EngramServer server = EngramServer.builder(config).start();
    Thread hook = new Thread(server::close, "engram-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.printf("engram: serving %s on http://%s:%d (upstream: %s)%n",
        config.dataDir().toAbsolutePath(), config.host(), server.port(),
        config.upstreamUrl() == null ? "none" : config.upstreamUrl());
    out.flush();
    stop.await();
    Runtime.getRuntime().removeShutdownHook(hook);
    server.close();
    return 0;
  }

  /** Runs {@code engram serve} on its own (used by the child-process durability test). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new ServeCommand()).execute(args));
  }
}
