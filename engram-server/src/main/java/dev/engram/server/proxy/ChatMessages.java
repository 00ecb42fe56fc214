package dev.engram.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.server.api.JsonBodies;
import java.io.IOException;

/** Reads text out of OpenAI chat messages and completions. */
final class ChatMessages {
  private ChatMessages() {}

  /**
   * The text of the last {@code user} message: its string content, or its {@code text} parts
   * joined by newlines; null when there is no user message with text.
   */
  static String lastUserText(JsonNode messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonNode message = messages.get(i);
      if ("user".equals(message.path("role").asText())) {
        String text = text(message.get("content"));
        return text == null || text.isBlank() ? null : text;
      }
    }
    return null;
  }

  /** The first choice's message content of a completion body, or null. */
  static String completionText(byte[] body) {
    try {
      JsonNode content = JsonBodies.MAPPER.readTree(body)
          .path("choices").path(0).path("message").path("content");
      return content.isTextual() ? content.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String text(JsonNode content) {
    if (content == null) {
      return null;
    }
    if (content.isTextual()) {
      return content.asText();
    }
    if (content.isArray()) {
      StringBuilder out = new StringBuilder();
      for (JsonNode part : content) {
        if ("text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
          out.append(out.length() == 0 ? "" : "\n").append(part.get("text").asText());
        }
      }
      return out.toString();
    }
    return null;
  }
}
