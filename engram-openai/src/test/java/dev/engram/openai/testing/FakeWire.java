package dev.engram.openai.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The OpenAI wire format as {@link FakeOpenAiServer} writes and reads it. Stateless. */
final class FakeWire {
  static final ObjectMapper JSON = new ObjectMapper();
  static final long CREATED = 1_700_000_000L;

  private FakeWire() {}

  static ObjectNode completion(String id, String model, String content) {
    ObjectNode response = JSON.createObjectNode()
        .put("id", id).put("object", "chat.completion").put("created", CREATED).put("model", model);
    ObjectNode choice = response.putArray("choices").addObject().put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content);
    choice.put("finish_reason", "stop");
    int completionTokens = wordCount(content);
    response.putObject("usage")
        .put("prompt_tokens", 1).put("completion_tokens", completionTokens).put("total_tokens", 1 + completionTokens);
    return response;
  }

  static List<ChatMessage> messages(JsonNode messages) {
    List<ChatMessage> result = new ArrayList<>();
    for (JsonNode message : messages) {
      JsonNode content = message.path("content");
      String text;
      if (content.isArray()) {
        List<String> parts = new ArrayList<>();
        content.forEach(part -> {
          if (part.hasNonNull("text")) {
            parts.add(part.get("text").asText());
          }
        });
        text = String.join("\n", parts);
      } else {
        text = content.isNull() || content.isMissingNode() ? "" : content.asText();
      }
      result.add(new ChatMessage(message.path("role").asText("user"), text));
    }
    return result;
  }

  static boolean allTextual(JsonNode array) {
    for (JsonNode node : array) {
      if (!node.isTextual()) {
        return false;
      }
    }
    return true;
  }

  static int wordCount(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
  }

  static void sendError(HttpExchange exchange, int status, String message, String type, String code)
      throws IOException {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error").put("message", message).put("type", type);
    error.putNull("param");
    if (code == null) {
      error.putNull("code");
    } else {
      error.put("code", code);
    }
    sendRaw(exchange, status, "application/json", body.toString());
  }

  static void sendRaw(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Declares the full length, sends half the body, then drops the connection. */
  static void cut(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    OutputStream out = exchange.getResponseBody();
    out.write(bytes, 0, bytes.length / 2);
    out.flush();
    throw new ConnectionDropped();
  }

  /**
   * Thrown out of a handler to make the JDK server close the connection without finishing the
   * response, which is how a real server dies mid-reply.
   */
  static final class ConnectionDropped extends RuntimeException {
    ConnectionDropped() {
      super("scripted fault: connection dropped mid-reply", null, false, false);
    }
  }
}
