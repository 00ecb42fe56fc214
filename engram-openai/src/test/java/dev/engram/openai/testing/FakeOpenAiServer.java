package dev.engram.openai.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 that speaks the OpenAI protocol with deterministic replies.
 *
 * <p>Serves {@code POST .../chat/completions} (plain JSON, or server-sent events when the request
 * says {@code "stream": true}), {@code POST .../embeddings} ({@link FakeEmbeddings} vectors,
 * {@code input} as a string or an array of strings) and {@code GET .../models}. Any path prefix
 * is accepted, so {@code /v1/chat/completions} and {@code /chat/completions} both work. Unknown
 * request fields (tools, temperature, stream_options ...) are ignored. Every chat request is
 * recorded, including those answered with a fault.
 *
 * <pre>{@code
 * try (FakeOpenAiServer server = FakeOpenAiServer.start()
 *     .replyWith(call -> "You said: " + call.lastUserMessage())) {
 *   server.enqueue(Fault.status(429));          // the first chat call gets a 429
 *   client = ... baseUrl(server.baseUrl()) ...; // "http://127.0.0.1:<port>/v1"
 * }
 * }</pre>
 *
 * <p>Thread-safe: requests are served concurrently; scripts must be thread-safe if clients call
 * concurrently.
 */
public final class FakeOpenAiServer implements AutoCloseable {

  /** The assistant content served when no script was given. */
  public static final String DEFAULT_REPLY = "OK";

  private static final ObjectMapper JSON = FakeWire.JSON;

  private final HttpServer server;
  private final ExecutorService executor;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final List<ChatCall> chatCalls = new CopyOnWriteArrayList<>();
  private final List<List<String>> embeddingInputs = new CopyOnWriteArrayList<>();
  private final Queue<Fault> chatFaults = new ConcurrentLinkedQueue<>();
  private final Queue<Fault> embeddingFaults = new ConcurrentLinkedQueue<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile Function<ChatCall, String> script = call -> DEFAULT_REPLY;
  private volatile int embeddingDimension = 64;
  private volatile String requiredApiKey;

  private FakeOpenAiServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a server bound to 127.0.0.1 on a free port. */
  public static FakeOpenAiServer start() {
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      AtomicInteger threads = new AtomicInteger();
      ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fake-openai-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
      FakeOpenAiServer fake = new FakeOpenAiServer(http, executor);
      http.createContext("/", fake::handle);
      http.setExecutor(executor);
      http.start();
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the fake OpenAI server", e);
    }
  }

  /** The base URL clients are configured with: {@code http://127.0.0.1:<port>/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /**
   * Sets the assistant content for each chat call (the default always answers {@code "OK"}).
   * A null result is served as empty content.
   */
  public FakeOpenAiServer replyWith(Function<ChatCall, String> script) {
    this.script = Objects.requireNonNull(script, "script");
    return this;
  }

  /** Makes the next chat call that has no earlier fault pending fail with {@code fault}. */
  public FakeOpenAiServer enqueue(Fault fault) {
    chatFaults.add(Objects.requireNonNull(fault, "fault"));
    return this;
  }

  /** Makes the next embeddings call that has no earlier fault pending fail with {@code fault}. */
  public FakeOpenAiServer enqueueEmbeddings(Fault fault) {
    embeddingFaults.add(Objects.requireNonNull(fault, "fault"));
    return this;
  }

  /** Sets the dimension of embedding vectors (default 64); a request's {@code dimensions} wins. */
  public FakeOpenAiServer embeddingDimension(int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, was " + dimension);
    }
    this.embeddingDimension = dimension;
    return this;
  }

  /**
   * Requires {@code Authorization: Bearer <apiKey>} on every request; others get 401 with an
   * OpenAI-style {@code invalid_api_key} error. Null turns the check off (the default).
   */
  public FakeOpenAiServer requireApiKey(String apiKey) {
    this.requiredApiKey = apiKey;
    return this;
  }

  /** Every chat request received, in order, faulted ones included. */
  public List<ChatCall> chatCalls() {
    return List.copyOf(chatCalls);
  }

  /** The {@code input} texts of every embeddings request received, in order. */
  public List<List<String>> embeddingInputs() {
    return List.copyOf(embeddingInputs);
  }

  /** Stops the server at once; delayed replies are abandoned. */
  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    boolean dropped = false;
    try {
      route(exchange);
    } catch (FakeWire.ConnectionDropped e) {
      dropped = true; // closing the exchange would finish the reply; the JDK server drops it instead
      throw e;
    } finally {
      if (!dropped) {
        exchange.close();
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (!authorized(exchange)) {
      FakeWire.sendError(exchange, 401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
    } else if (path.endsWith("/chat/completions") && method.equals("POST")) {
      chat(exchange);
    } else if (path.endsWith("/embeddings") && method.equals("POST")) {
      embeddings(exchange);
    } else if (path.endsWith("/models") && method.equals("GET")) {
      models(exchange);
    } else {
      FakeWire.sendError(exchange, 404, "no route for " + method + " " + path, "invalid_request_error", null);
    }
  }

  private boolean authorized(HttpExchange exchange) {
    String key = requiredApiKey;
    return key == null || ("Bearer " + key).equals(exchange.getRequestHeaders().getFirst("Authorization"));
  }

  private void chat(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    JsonNode request = parse(exchange, body);
    if (request == null) {
      return;
    }
    ChatCall call = new ChatCall(
        request.path("model").asText(""),
        FakeWire.messages(request.path("messages")),
        request.path("stream").asBoolean(false),
        exchange.getRequestHeaders().getFirst("Authorization"),
        body);
    chatCalls.add(call);
    Fault fault = chatFaults.poll();
    if (fault != null && !applyBefore(exchange, fault)) {
      return;
    }
    String content = Objects.requireNonNullElse(script.apply(call), "");
    String id = "chatcmpl-fake-" + ids.incrementAndGet();
    if (call.stream()) {
      FakeChatStream.send(exchange, id, call.model(), content, fault);
    } else if (fault instanceof Fault.MalformedJson) {
      FakeWire.sendRaw(exchange, 200, "application/json", "{\"id\": \"" + id + "\", \"choices\": [{\"message\": ");
    } else if (fault instanceof Fault.CutStream) {
      FakeWire.cut(exchange, FakeWire.completion(id, call.model(), content).toString());
    } else {
      FakeWire.sendRaw(exchange, 200, "application/json", FakeWire.completion(id, call.model(), content).toString());
    }
  }

  /** Serves status and delay faults; returns whether a (possibly damaged) reply should follow. */
  private boolean applyBefore(HttpExchange exchange, Fault fault) throws IOException {
    if (fault instanceof Fault.Status status) {
      String type = status.code() == 429 ? "rate_limit_exceeded" : status.code() >= 500 ? "server_error" : "invalid_request_error";
      if (status.code() == 429) {
        exchange.getResponseHeaders().set("Retry-After", "1");
      }
      FakeWire.sendError(exchange, status.code(), "scripted fault: HTTP " + status.code(), type, null);
      return false;
    }
    if (fault instanceof Fault.Delay delay) {
      try {
        if (closed.await(delay.delay().toMillis(), TimeUnit.MILLISECONDS)) {
          return false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private void embeddings(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    JsonNode request = parse(exchange, body);
    if (request == null) {
      return;
    }
    List<String> inputs = new ArrayList<>();
    JsonNode input = request.path("input");
    if (input.isTextual()) {
      inputs.add(input.asText());
    } else if (input.isArray() && FakeWire.allTextual(input)) {
      input.forEach(node -> inputs.add(node.asText()));
    } else {
      FakeWire.sendError(exchange, 400, "'input' must be a string or an array of strings", "invalid_request_error", null);
      return;
    }
    embeddingInputs.add(List.copyOf(inputs));
    Fault fault = embeddingFaults.poll();
    if (fault != null && !applyBefore(exchange, fault)) {
      return;
    }
    if (fault instanceof Fault.MalformedJson) {
      FakeWire.sendRaw(exchange, 200, "application/json", "{\"data\": [{\"embedding\": [0.1, ");
      return;
    }
    int dimension = request.path("dimensions").asInt(embeddingDimension);
    ObjectNode response = JSON.createObjectNode().put("object", "list");
    ArrayNode data = response.putArray("data");
    int tokens = 0;
    for (int i = 0; i < inputs.size(); i++) {
      ArrayNode vector = data.addObject().put("object", "embedding").put("index", i).putArray("embedding");
      for (float value : FakeEmbeddings.vector(inputs.get(i), dimension)) {
        vector.add(value);
      }
      tokens += FakeWire.wordCount(inputs.get(i));
    }
    response.put("model", request.path("model").asText(""));
    response.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
    if (fault instanceof Fault.CutStream) {
      FakeWire.cut(exchange, response.toString());
    } else {
      FakeWire.sendRaw(exchange, 200, "application/json", response.toString());
    }
  }

  private void models(HttpExchange exchange) throws IOException {
    ObjectNode response = JSON.createObjectNode().put("object", "list");
    ArrayNode data = response.putArray("data");
    for (String id : List.of("fake-chat", "fake-embed")) {
      data.addObject().put("id", id).put("object", "model").put("created", FakeWire.CREATED).put("owned_by", "engram");
    }
    FakeWire.sendRaw(exchange, 200, "application/json", response.toString());
  }

  private JsonNode parse(HttpExchange exchange, String body) throws IOException {
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (IOException e) {
      // answered below like a real server: 400, not a dropped connection
    }
    FakeWire.sendError(exchange, 400, "request body is not a JSON object", "invalid_request_error", null);
    return null;
  }


}
