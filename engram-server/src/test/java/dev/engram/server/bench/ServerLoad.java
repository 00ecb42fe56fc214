package dev.engram.server.bench;

import dev.engram.embed.Embedder;
import dev.engram.embed.HashingEmbedder;
import dev.engram.lucene.LuceneMemoryStore;
import dev.engram.openai.testing.FakeOpenAiServer;
import dev.engram.server.EngramServer;
import dev.engram.server.ServerConfig;
import dev.engram.spi.Providers;
import dev.engram.store.MemoryStore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A bounded load run on loopback: an in-process {@link EngramServer} over a real Lucene store
 * (with the bundled ONNX embedder, or {@code --hashing} for the HTTP path alone), a scripted
 * OpenAI-protocol upstream, and {@code CLIENTS} concurrent clients doing remember, then search,
 * then the proxy. Prints throughput and p50/p99 latency per operation. Not run by the build:
 *
 * <pre>
 * cd engram-server &amp;&amp; mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
 *   &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *      dev.engram.server.bench.ServerLoad [--hashing] [requests-per-op] [clients]
 * </pre>
 */
public final class ServerLoad {
  private ServerLoad() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    boolean hashing = rest.remove("--hashing");
    int requests = rest.isEmpty() ? 1000 : Integer.parseInt(rest.get(0));
    int clients = rest.size() < 2 ? 8 : Integer.parseInt(rest.get(1));
    Path dir = Files.createTempDirectory("engram-load");
    Embedder embedder = hashing ? new HashingEmbedder(384) : Providers.embedder(null).create();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    try (MemoryStore store = LuceneMemoryStore.open(dir, embedder.info(), false);
        FakeOpenAiServer upstream = FakeOpenAiServer.start()
            .replyWith(call -> "Sure. You asked: " + call.lastUserMessage());
        EngramServer server = EngramServer.builder(ServerConfig.builder(dir).port(0)
                .rateLimit(0, 1).upstreamUrl(URI.create(upstream.baseUrl())).build())
            .store(store, embedder).log(quiet).start()) {
      String key = server.keys().create("load", "bench").secret();
      String base = "http://127.0.0.1:" + server.port();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      System.out.printf(Locale.ROOT, "embedder %s, %d requests per operation, %d clients, %d cores%n",
          embedder.info().modelId(), requests, clients, Runtime.getRuntime().availableProcessors());
      run("remember", requests, clients, i -> post(base + "/v1/subjects/user" + (i % 20)
          + "/messages", key, "{\"session\":\"s" + (i % 50) + "\",\"messages\":["
          + "{\"role\":\"user\",\"content\":\"Note " + i + ": I booked table " + (i % 97)
          + " at the Lisbon restaurant number " + i + " for Friday.\"},"
          + "{\"role\":\"assistant\",\"content\":\"Booked, enjoy dinner " + i + ".\"}]}"), http);
      run("search", requests, clients, i -> post(base + "/v1/subjects/user" + (i % 20)
          + "/search", key, "{\"query\":\"Which table did I book at restaurant " + i + "?\"}"),
          http);
      run("proxy", requests, clients, i -> post(base + "/v1/chat/completions", key,
          "{\"model\":\"m\",\"user\":\"user" + (i % 20) + "\",\"messages\":[{\"role\":\"user\","
              + "\"content\":\"Where is dinner " + i + " on Friday?\"}]}"), http);
      embedder.close();
    }
  }

  private static HttpRequest post(String url, String key, String json) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  private static void run(String name, int requests, int clients, IntFunction<HttpRequest> make,
      HttpClient http) throws Exception {
    long[] nanos = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(pool.submit(() -> {
        for (int i; (i = next.getAndIncrement()) < requests; ) {
          long t0 = System.nanoTime();
          HttpResponse<String> response = http.send(make.apply(i),
              HttpResponse.BodyHandlers.ofString());
          nanos[i] = System.nanoTime() - t0;
          if (response.statusCode() / 100 != 2 && failures.incrementAndGet() == 1) {
            System.out.printf("  first %s error: %d %s%n", name, response.statusCode(),
                response.body().length() > 200 ? response.body().substring(0, 200)
                    : response.body());
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "%-9s %6d req in %6.2f s = %7.1f req/s   p50 %7.2f ms   "
            + "p99 %7.2f ms   errors %d%n", name, requests, seconds, requests / seconds,
        nanos[requests / 2] / 1e6, nanos[(int) (requests * 0.99)] / 1e6, failures.get());
  }
}
