package dev.engram.server;

import dev.engram.embed.Embedder;
import dev.engram.model.Require;
import dev.engram.server.api.ApiError;
import dev.engram.server.api.JsonBodies;
import dev.engram.server.api.JsonErrorHandler;
import dev.engram.server.api.MemoryRoutes;
import dev.engram.server.api.TenantScope;
import dev.engram.server.auth.ApiKey;
import dev.engram.server.auth.ApiKeyStore;
import dev.engram.server.auth.RateLimiter;
import dev.engram.server.ops.AccessLog;
import dev.engram.server.ops.InFlightWrites;
import dev.engram.server.ops.Metrics;
import dev.engram.server.proxy.ChatProxy;
import dev.engram.spi.Providers;
import dev.engram.store.MemoryStore;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The Engram HTTP server: the REST API, the memory proxy and the operations endpoints over one
 * store shared by every tenant. Start one with {@link #builder(ServerConfig)}; {@link #close()}
 * shuts down gracefully (refuses new writes, waits for the running ones, then stops).
 *
 * <p>Thread-safe.
 */
public final class EngramServer implements AutoCloseable {
  /** The OpenAPI document, served at {@code /openapi.json}. */
  public static final String OPENAPI_RESOURCE = "/dev/engram/server/openapi.json";

  private final ServerConfig config;
  private final MemoryStore store;
  private final Runnable closeParts;
  private final TenantMemories tenants;
  private final ApiKeyStore keys;
  private final RateLimiter limiter;
  private final Metrics metrics;
  private final AccessLog log;
  private final InFlightWrites writes = new InFlightWrites();
  private final byte[] openApi;
  private final Javalin app;
  private boolean closed;

  private EngramServer(Builder builder, MemoryStore store, Embedder embedder, Runnable closeParts) {
    this.config = builder.config;
    this.store = store;
    this.closeParts = closeParts;
    this.tenants = new TenantMemories(store, embedder, builder.clock, config.budget());
    this.keys = new ApiKeyStore(config.dataDir(), builder.clock, new SecureRandom());
    this.limiter = new RateLimiter(config.ratePerSecond(), config.burst(), builder.clock);
    this.metrics = new Metrics(() -> store.stats().items());
    this.log = new AccessLog(builder.log, builder.clock);
    this.openApi = readOpenApi();
    JsonBodies bodies = new JsonBodies(config.maxBodyBytes());
    MemoryRoutes memoryRoutes = new MemoryRoutes(bodies, writes, metrics, config.budget());
    ChatProxy proxy = new ChatProxy(new ChatProxy.UpstreamConfig(config.upstreamUrl(),
        config.upstreamModel(), config.upstreamApiKey(), config.upstreamTimeout()),
        builder.httpClient, bodies, writes, metrics, log, builder.clock, config.budget());
    this.app = Javalin.create(cfg -> configure(cfg, memoryRoutes, proxy));
  }

  /** A builder for a server with {@code config}; by default it opens the embedded store. */
  public static Builder builder(ServerConfig config) {
    return new Builder(config);
  }

  private void configure(JavalinConfig cfg, MemoryRoutes memoryRoutes, ChatProxy proxy) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.http.maxRequestSize = config.maxBodyBytes();
    cfg.http.compressionStrategy = CompressionStrategy.NONE;
    cfg.jetty.modifyServer(jetty -> {
      jetty.setErrorHandler(new JsonErrorHandler());
      // Javalin nests its servlet inside this wrapper; on stop it lets requests in flight finish
      jetty.setHandler(new GracefulHandler());
      jetty.setStopTimeout(config.drainTimeout().toMillis());
    });
    cfg.routes.before("/v1/*", this::authenticate);
    cfg.routes.get("/health", ctx -> JsonBodies.send(ctx, 200, Map.of("status", "up")));
    cfg.routes.get("/ready", ctx -> {
      boolean ready = !writes.draining();
      JsonBodies.send(ctx, ready ? 200 : 503,
          Map.of("status", ready ? "ready" : "shutting_down"));
    });
    cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(metrics.scrape()));
    cfg.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    memoryRoutes.register(cfg.routes);
    proxy.register(cfg.routes);
    cfg.routes.exception(ApiError.class, (e, ctx) -> JsonBodies.sendError(ctx, e));
    cfg.routes.exception(IllegalArgumentException.class, (e, ctx) ->
        JsonBodies.sendError(ctx, ApiError.badRequest("invalid_argument", e.getMessage())));
    cfg.routes.exception(InFlightWrites.DrainingException.class, (e, ctx) ->
        JsonBodies.sendError(ctx, new ApiError(503, "shutting_down", e.getMessage())));
    cfg.routes.exception(HttpResponseException.class, (e, ctx) ->
        JsonBodies.sendError(ctx, fromJavalin(e)));
    cfg.routes.exception(Exception.class, (e, ctx) -> {
      log.log("error", "path", ctx.path(), "exception", e.getClass().getName(),
          "message", e.getMessage());
      JsonBodies.sendError(ctx, new ApiError(500, "internal", "internal error; see the server log"));
    });
    cfg.router.javaLangErrorHandler((response, error) -> {
      log.log("error", "exception", error.getClass().getName(), "message", error.getMessage());
      try {
        response.setStatus(500);
        response.setContentType("application/json");
        response.getOutputStream().write(JsonBodies.MAPPER.writeValueAsBytes(
            JsonBodies.ErrorBody.of("internal", "internal error; see the server log")));
      } catch (IOException e) {
        // the client is gone; the log line above is all that is left to do
      }
    });
    cfg.requestLogger.http(this::record);
  }

  private void authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).strip() : null;
    ApiKey key = keys.authenticate(presented).orElseThrow(ApiError::unauthorized);
    long retryAfter = limiter.acquire(key.id());
    if (retryAfter > 0) {
      ctx.header("Retry-After", Long.toString(retryAfter));
      throw new ApiError(429, "rate_limited",
          "too many requests for this API key; retry after " + retryAfter + " s");
    }
    new TenantScope(key, tenants.of(key.tenant())).attach(ctx);
  }

  private static ApiError fromJavalin(HttpResponseException e) {
    switch (e.getStatus()) {
      case 404:
        return ApiError.notFound("route");
      case 405:
        return new ApiError(405, "method_not_allowed", "method not allowed on this route");
      case 413:
        return new ApiError(413, "body_too_large", "request body is too large");
      default:
        return new ApiError(e.getStatus(), "http_" + e.getStatus(), e.getMessage());
    }
  }

  private void record(Context ctx, Float millis) {
    int status = ctx.statusCode();
    String route = route(ctx);
    metrics.request(ctx.method().name(), route, status, millis / 1000.0);
    if (status >= 400) {
      metrics.error(Integer.toString(status));
    }
    TenantScope scope = TenantScope.orNull(ctx);
    log.log("request", "method", ctx.method().name(), "route", route, "status", status,
        "ms", String.format("%.1f", millis),
        "tenant", scope == null ? null : scope.key().tenant(),
        "key", scope == null ? null : scope.key().id());
  }

  private static String route(Context ctx) {
    try {
      var endpoint = ctx.endpoints().lastHttpEndpoint();
      return endpoint == null ? "unmatched" : endpoint.path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  private static byte[] readOpenApi() {
    try (InputStream in = EngramServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The port it listens on. */
  public int port() {
    return app.port();
  }

  /** The server's config. */
  public ServerConfig config() {
    return config;
  }

  /** The API keys of its data directory. */
  public ApiKeyStore keys() {
    return keys;
  }

  /** The Javalin app, for tests that inspect the router. */
  Javalin app() {
    return app;
  }

  /**
   * Shuts down: refuses new writes, waits up to the drain timeout for the running ones to finish
   * (each is durable when it returns), stops the HTTP server, then closes the store and embedder
   * it opened. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    boolean drained = false;
    try {
      drained = writes.drain(config.drainTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.log("shutdown", "drained", drained, "writes_running", writes.running());
    try {
      app.stop();
    } finally {
      closeParts.run();
    }
  }

  /** Starts a server; not thread-safe. */
  public static final class Builder {
    private final ServerConfig config;
    private MemoryStore store;
    private Embedder embedder;
    private Clock clock = Clock.systemUTC();
    private PrintStream log = System.err;
    private HttpClient httpClient;

    Builder(ServerConfig config) {
      this.config = Require.nonNull(config, "config");
    }

    /** Serve this store (with {@link #embedder}) instead of opening the embedded one; the caller closes both. */
    public Builder store(MemoryStore value, Embedder withEmbedder) {
      this.store = Require.nonNull(value, "store");
      this.embedder = Require.nonNull(withEmbedder, "embedder");
      return this;
    }

    /** The clock for rate limits, ingest times and logs (default: system UTC). */
    public Builder clock(Clock value) {
      this.clock = Require.nonNull(value, "clock");
      return this;
    }

    /** Where structured log lines go (default: standard error). */
    public Builder log(PrintStream value) {
      this.log = Require.nonNull(value, "log");
      return this;
    }

    /** The client the proxy forwards with (default: HTTP/1.1, 10 s connect timeout). */
    public Builder httpClient(HttpClient value) {
      this.httpClient = Require.nonNull(value, "httpClient");
      return this;
    }

    /**
     * Opens the parts (unless given) and starts listening.
     *
     * @throws dev.engram.store.StoreException if the store cannot be opened (e.g. it is locked)
     */
    public EngramServer start() {
      if (httpClient == null) {
        httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(java.time.Duration.ofSeconds(10)).build();
      }
      if (store != null) {
        return started(new EngramServer(this, store, embedder, () -> { }));
      }
      Embedder opened = Providers.embedder(null).create();
      MemoryStore openedStore;
      try {
        openedStore = Providers.store(config.storeKind()).open(config.dataDir(), opened.info(), false);
      } catch (RuntimeException e) {
        opened.close();
        throw e;
      }
      Runnable closeBoth = () -> {
        try {
          openedStore.close();
        } finally {
          opened.close();
        }
      };
      try {
        return started(new EngramServer(this, openedStore, opened, closeBoth));
      } catch (RuntimeException e) {
        closeBoth.run();
        throw e;
      }
    }

    private EngramServer started(EngramServer server) {
      try {
        server.app.start(config.host(), config.port());
      } catch (RuntimeException e) {
        server.closeParts.run();
        throw e;
      }
      server.log.log("started", "host", config.host(), "port", server.port(),
          "dataDir", config.dataDir().toAbsolutePath(),
          "upstream", config.upstreamUrl() == null ? "none" : config.upstreamUrl().toString(),
          "embedder", server.store.info().embedder().modelId());
      return server;
    }
  }
}
