package dev.engram.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.Engram;
import dev.engram.model.Message;
import dev.engram.model.Require;
import dev.engram.read.Context;
import dev.engram.read.RecallRequest;
import dev.engram.server.api.ApiError;
import dev.engram.server.api.JsonBodies;
import dev.engram.server.api.TenantScope;
import dev.engram.server.ops.AccessLog;
import dev.engram.server.ops.InFlightWrites;
import dev.engram.server.ops.Metrics;
import io.javalin.config.RoutesConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code POST /v1/chat/completions}: an OpenAI-compatible memory proxy. For the request's subject
 * (header {@value #SUBJECT_HEADER}, else the body's {@code user} field) it recalls memory for the
 * last user message, puts the packed context first as a system message, forwards the request to
 * the upstream with the server's own upstream key (never the caller's), passes the answer back
 * (streamed chunk by chunk when {@code "stream": true}), and when the upstream answered
 * successfully remembers the user message and the answer as one round of session
 * {@value #SESSION_HEADER} (default {@code chat-<UTC date>}).
 *
 * <p>Thread-safe; each request blocks its server thread while the upstream answers.
 */
public final class ChatProxy {
  /** Names the subject whose memory is used. */
  public static final String SUBJECT_HEADER = "X-Engram-Subject";
  /** Names the session the exchange is remembered in. */
  public static final String SESSION_HEADER = "X-Engram-Session";
  static final String MEMORY_PREAMBLE = "Long-term memory about this user, quoted from earlier "
      + "conversations and documents. Use it when it is relevant; it may be incomplete.\n\n";

  private final UpstreamConfig upstream;
  private final HttpClient client;
  private final JsonBodies bodies;
  private final InFlightWrites writes;
  private final Metrics metrics;
  private final AccessLog log;
  private final Clock clock;
  private final int budget;

  /**
   * Where and how to forward.
   *
   * @param baseUrl the upstream base URL (ending before {@code /chat/completions}); null when no
   *     upstream is configured
   * @param model replaces the request's model when non-null
   * @param apiKey sent as the upstream bearer key when non-null
   * @param timeout the most time the upstream may take to answer
   */
  public record UpstreamConfig(URI baseUrl, String model, String apiKey, Duration timeout) {
    public UpstreamConfig {
      Require.nonNull(timeout, "timeout");
    }

    @Override
    public String toString() {
      return "UpstreamConfig[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
          + (apiKey == null ? "none" : "<hidden>") + ", timeout=" + timeout + "]";
    }
  }

  public ChatProxy(UpstreamConfig upstream, HttpClient client, JsonBodies bodies,
      InFlightWrites writes, Metrics metrics, AccessLog log, Clock clock, int budget) {
    this.upstream = Require.nonNull(upstream, "upstream");
    this.client = Require.nonNull(client, "client");
    this.bodies = bodies;
    this.writes = writes;
    this.metrics = metrics;
    this.log = log;
    this.clock = clock;
    this.budget = budget;
  }

  /** Adds the route. */
  public void register(RoutesConfig routes) {
    routes.post("/v1/chat/completions", this::handle);
  }

  private void handle(io.javalin.http.Context ctx) throws IOException, InterruptedException {
    TenantScope scope = TenantScope.of(ctx);
    ObjectNode body = (ObjectNode) bodies.tree(ctx);
    if (upstream.baseUrl() == null) {
      throw new ApiError(503, "proxy_not_configured",
          "no upstream model is configured (set --upstream-url or ENGRAM_UPSTREAM_URL)");
    }
    String subject = subject(ctx, body);
    String session = session(ctx);
    ArrayNode messages = messages(body);
    String question = ChatMessages.lastUserText(messages);
    if (question != null) {
      inject(messages, recall(scope.memory(), subject, question));
    }
    if (upstream.model() != null) {
      body.put("model", upstream.model());
    }
    boolean stream = body.path("stream").asBoolean(false);
    HttpRequest request = upstreamRequest(body);
    Exchange exchange = new Exchange(scope.memory(), subject, session, question);
    if (stream) {
      stream(ctx, request, exchange);
    } else {
      forward(ctx, request, exchange);
    }
  }

  private void forward(io.javalin.http.Context ctx, HttpRequest request, Exchange exchange)
      throws InterruptedException {
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw upstreamUnavailable(e);
    }
    String answer = null;
    if (response.statusCode() / 100 == 2) {
      answer = ChatMessages.completionText(response.body());
    }
    ctx.status(response.statusCode())
        .contentType(response.headers().firstValue("content-type").orElse("application/json"))
        .result(response.body());
    if (answer != null) {
      exchange.remember(answer);
    } else {
      log.log("proxy_not_remembered", "status", response.statusCode());
    }
  }

  private void stream(io.javalin.http.Context ctx, HttpRequest request, Exchange exchange)
      throws IOException, InterruptedException {
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw upstreamUnavailable(e);
    }
    if (response.statusCode() / 100 != 2) {
      try (InputStream in = response.body()) {
        ctx.status(response.statusCode())
            .contentType(response.headers().firstValue("content-type").orElse("application/json"))
            .result(in.readAllBytes());
      }
      log.log("proxy_not_remembered", "status", response.statusCode());
      return;
    }
    ctx.status(200);
    ctx.res().setContentType("text/event-stream; charset=utf-8");
    ctx.res().setHeader("Cache-Control", "no-cache");
    SseAnswer answer = new SseAnswer();
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      OutputStream out = ctx.res().getOutputStream();
      for (String line; (line = in.readLine()) != null; ) {
        answer.accept(line);
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        if (line.isEmpty()) {
          out.flush(); // one SSE event done: hand it to the client now
        }
      }
      out.flush();
    } catch (IOException e) {
      log.log("proxy_stream_aborted", "reason", e.getClass().getSimpleName());
      return; // upstream or client went away mid-stream: nothing complete to remember
    }
    if (answer.complete()) {
      exchange.remember(answer.text());
    } else {
      log.log("proxy_not_remembered", "reason", "stream ended without [DONE] or with an error");
    }
  }

  private Context recall(Engram memory, String subject, String question) {
    long start = System.nanoTime();
    try {
      String query = question.length() > 10_000 ? question.substring(0, 10_000) : question;
      return memory.recall(subject, RecallRequest.of(query).withBudget(budget));
    } finally {
      metrics.recall((System.nanoTime() - start) / 1e9);
    }
  }

  private static void inject(ArrayNode messages, Context context) {
    if (context.mode() == Context.Mode.EMPTY || context.text().isBlank()) {
      return;
    }
    ObjectNode system = messages.objectNode();
    system.put("role", "system");
    system.put("content", MEMORY_PREAMBLE + context.text());
    messages.insert(0, system);
  }

  private HttpRequest upstreamRequest(ObjectNode body) throws IOException {
    String base = upstream.baseUrl().toString();
    URI target = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    HttpRequest.Builder request = HttpRequest.newBuilder(target)
        .timeout(upstream.timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(JsonBodies.MAPPER.writeValueAsBytes(body)));
    if (upstream.apiKey() != null) {
      request.header("Authorization", "Bearer " + upstream.apiKey());
    }
    return request.build();
  }

  private static String subject(io.javalin.http.Context ctx, ObjectNode body) {
    String subject = ctx.header(SUBJECT_HEADER);
    if (subject == null && body.path("user").isTextual()) {
      subject = body.get("user").asText();
    }
    if (subject == null) {
      throw ApiError.badRequest("missing_subject",
          "name the subject with the " + SUBJECT_HEADER + " header or the 'user' field");
    }
    return checked(subject, "subject");
  }

  private String session(io.javalin.http.Context ctx) {
    String session = ctx.header(SESSION_HEADER);
    return session != null
        ? checked(session, "session")
        : "chat-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static ArrayNode messages(ObjectNode body) {
    JsonNode messages = body.get("messages");
    if (messages == null || !messages.isArray() || messages.isEmpty()) {
      throw ApiError.badRequest("invalid_argument", "messages must be a non-empty array");
    }
    for (JsonNode message : messages) {
      if (!message.isObject() || !message.path("role").isTextual()) {
        throw ApiError.badRequest("invalid_argument",
            "every message must be an object with a 'role'");
      }
    }
    return (ArrayNode) messages;
  }

  private static String checked(String value, String name) {
    try {
      return Require.identifier(value, name);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("invalid_argument", e.getMessage());
    }
  }

  private ApiError upstreamUnavailable(IOException e) {
    log.log("proxy_upstream_failed", "error", e.getClass().getSimpleName());
    return new ApiError(502, "upstream_unavailable",
        "the upstream model did not answer: " + e.getClass().getSimpleName());
  }

  /** One user turn and where its answer is remembered. */
  private final class Exchange {
    final Engram memory;
    final String subject;
    final String session;
    final String question;

    Exchange(Engram memory, String subject, String session, String question) {
      this.memory = memory;
      this.subject = subject;
      this.session = session;
      this.question = question;
    }

    void remember(String answer) {
      if (question == null || question.isBlank() || answer == null || answer.isBlank()) {
        return;
      }
      List<Message> round = List.of(
          Message.user(clip(question)), Message.assistant(clip(answer)));
      try {
        writes.run(() -> memory.remember(subject, session, round));
      } catch (RuntimeException e) {
        log.log("proxy_remember_failed", "tenant", memory.tenant(), "error",
            e.getClass().getSimpleName());
      }
    }

    private String clip(String text) {
      return text.length() > Message.MAX_CHARS ? text.substring(0, Message.MAX_CHARS) : text;
    }
  }
}
