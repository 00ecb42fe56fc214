package dev.engram.server;

import dev.engram.model.Require;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How an {@link EngramServer} runs. Build one with {@link #builder(Path)}, whose defaults are
 * listed there; every value is validated here with a message naming it.
 *
 * @param dataDir the memory store directory; the API key file lives inside it
 * @param host the interface to listen on
 * @param port the TCP port; 0 picks a free one
 * @param upstreamUrl the OpenAI-compatible base URL the proxy forwards to (e.g.
 *     {@code http://127.0.0.1:11434/v1}); null disables the proxy (it answers 503)
 * @param upstreamModel a model name that replaces the request's; null keeps the request's
 * @param upstreamApiKey the key sent upstream as {@code Authorization: Bearer}; null sends none;
 *     never a tenant's key, never logged
 * @param upstreamTimeout how long the proxy waits for the upstream's whole answer
 * @param maxBodyBytes the largest request body accepted, in bytes
 * @param ratePerSecond requests per second each API key may make on average; 0 disables the limit
 * @param burst requests each key may make at once
 * @param budget the default recall budget in tokens (REST and proxy)
 * @param drainTimeout how long shutdown waits for writes in flight
 * @param storeKind the {@link dev.engram.spi.MemoryStoreFactory} name of the store to open:
 *     {@code lucene} (embedded, in {@code dataDir}) or {@code solr} (engram-solr on the class path,
 *     configured by its system properties, environment or {@code dataDir/solr.properties})
 */
public record ServerConfig(
    Path dataDir, String host, int port, URI upstreamUrl, String upstreamModel,
    String upstreamApiKey, Duration upstreamTimeout, long maxBodyBytes, double ratePerSecond,
    int burst, int budget, Duration drainTimeout, String storeKind) {

  public ServerConfig {
    Require.nonNull(dataDir, "dataDir");
    Require.nonBlank(host, "host");
    Require.inRange(port, 0, 65535, "port");
    if (upstreamUrl != null && !("http".equals(upstreamUrl.getScheme())
        || "https".equals(upstreamUrl.getScheme()))) {
      throw new IllegalArgumentException(
          "upstreamUrl must be an http or https URL, was " + upstreamUrl);
    }
    Require.nonNull(upstreamTimeout, "upstreamTimeout");
    if (maxBodyBytes < 1024 || maxBodyBytes > (256L << 20)) {
      throw new IllegalArgumentException(
          "maxBodyBytes must be in [1024, 268435456], was " + maxBodyBytes);
    }
    if (ratePerSecond < 0 || ratePerSecond > 1e6) {
      throw new IllegalArgumentException(
          "ratePerSecond must be in [0, 1000000], was " + ratePerSecond);
    }
    Require.inRange(burst, 1, 1_000_000, "burst");
    Require.inRange(budget, 50, 1_000_000, "budget");
    Require.nonNull(drainTimeout, "drainTimeout");
    Require.nonBlank(storeKind, "storeKind");
  }

  /** Hides the upstream key. */
  @Override
  public String toString() {
    return "ServerConfig[dataDir=" + dataDir + ", host=" + host + ", port=" + port
        + ", upstreamUrl=" + upstreamUrl + ", upstreamModel=" + upstreamModel
        + ", upstreamApiKey=" + (upstreamApiKey == null ? "none" : "<hidden>")
        + ", maxBodyBytes=" + maxBodyBytes + ", ratePerSecond=" + ratePerSecond
        + ", burst=" + burst + ", budget=" + budget + ", storeKind=" + storeKind + "]";
  }

  /**
   * A builder with the defaults: host {@code 127.0.0.1}, port 8080, no upstream, upstream timeout
   * 120 s, body limit 4 MiB, 50 requests/s per key with bursts of 100, budget 3,500 tokens, drain
   * timeout 30 s.
   */
  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /** Collects a {@link ServerConfig}; not thread-safe. */
  public static final class Builder {
    private final Path dataDir;
    private String host = "127.0.0.1";
    private int port = 8080;
    private URI upstreamUrl;
    private String upstreamModel;
    private String upstreamApiKey;
    private Duration upstreamTimeout = Duration.ofSeconds(120);
    private long maxBodyBytes = 4L << 20;
    private double ratePerSecond = 50;
    private int burst = 100;
    private int budget = 3500;
    private Duration drainTimeout = Duration.ofSeconds(30);
    private String storeKind = "lucene";

    Builder(Path dataDir) {
      this.dataDir = dataDir;
    }

    public Builder host(String value) {
      host = value;
      return this;
    }

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder upstreamUrl(URI value) {
      upstreamUrl = value;
      return this;
    }

    public Builder upstreamModel(String value) {
      upstreamModel = value;
      return this;
    }

    public Builder upstreamApiKey(String value) {
      upstreamApiKey = value;
      return this;
    }

    public Builder upstreamTimeout(Duration value) {
      upstreamTimeout = value;
      return this;
    }

    public Builder maxBodyBytes(long value) {
      maxBodyBytes = value;
      return this;
    }

    public Builder rateLimit(double perSecond, int burstSize) {
      ratePerSecond = perSecond;
      burst = burstSize;
      return this;
    }

    public Builder budget(int value) {
      budget = value;
      return this;
    }

    public Builder drainTimeout(Duration value) {
      drainTimeout = value;
      return this;
    }

    /** The store kind to open (default {@code lucene}); see {@link ServerConfig#storeKind()}. */
    public Builder storeKind(String value) {
      storeKind = value;
      return this;
    }

    public ServerConfig build() {
      return new ServerConfig(dataDir, host, port, upstreamUrl, upstreamModel, upstreamApiKey,
          upstreamTimeout, maxBodyBytes, ratePerSecond, burst, budget, drainTimeout, storeKind);
    }
  }
}
