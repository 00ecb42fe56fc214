package dev.engram.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.embed.HashingEmbedder;
import dev.engram.lucene.LuceneMemoryStore;
import dev.engram.store.MemoryStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * A real server on a free loopback port over a real Lucene store on disk, with the hashing
 * embedder (instant, deterministic) and a hand-stepped clock; captures its log lines.
 */
final class TestServer implements AutoCloseable {
  static final HashingEmbedder EMBEDDER = new HashingEmbedder(64);
  static final ObjectMapper JSON = new ObjectMapper();

  final Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
  final MemoryStore store;
  final EngramServer server;
  final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  TestServer(Path dataDir, UnaryOperator<ServerConfig.Builder> config) {
    this(dataDir, config, LuceneMemoryStore.open(dataDir, EMBEDDER.info(), false));
  }

  TestServer(Path dataDir, UnaryOperator<ServerConfig.Builder> config, MemoryStore store) {
    this.dataDir = dataDir;
    this.store = store;
    this.server = EngramServer.builder(config.apply(ServerConfig.builder(dataDir).port(0)).build())
        .store(store, EMBEDDER).clock(clock)
        .log(new PrintStream(logBytes, true, StandardCharsets.UTF_8)).start();
  }

  static TestServer start(Path dataDir) {
    return new TestServer(dataDir, b -> b.rateLimit(0, 1));
  }

  String key(String tenant) {
    return server.keys().create(tenant, "test").secret();
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  String log() {
    return logBytes.toString(StandardCharsets.UTF_8);
  }

  Reply get(String key, String path) {
    return send(key, path, "GET", null);
  }

  Reply delete(String key, String path) {
    return send(key, path, "DELETE", null);
  }

  Reply post(String key, String path, String json) {
    return send(key, path, "POST", json);
  }

  Reply send(String key, String path, String method, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return send(request.build());
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The texts of the subject's episodes (not derived summaries or facts), in timeline order. */
  java.util.List<String> episodes(String key, String subject) {
    Reply reply = get(key, "/v1/subjects/" + subject + "/items?limit=1000");
    java.util.List<String> out = new java.util.ArrayList<>();
    if (reply.status() == 404) {
      return out;
    }
    for (JsonNode item : reply.json().get("items")) {
      if (item.get("kind").asText().equals("episode")) {
        out.add(item.get("text").asText());
      }
    }
    return out;
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      store.close();
    }
  }

  /** One HTTP response. */
  record Reply(int status, String body, HttpResponse<String> response) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + "): " + body, e);
      }
    }

    String errorCode() {
      return json().path("error").path("code").asText();
    }
  }

  static String messages(String session, String user, String assistant) {
    return "{\"session\":\"" + session + "\",\"messages\":["
        + "{\"role\":\"user\",\"content\":\"" + user + "\"},"
        + "{\"role\":\"assistant\",\"content\":\"" + assistant + "\"}]}";
  }
}
