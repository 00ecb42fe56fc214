package dev.engram.server.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.server.api.JsonBodies;
import java.io.IOException;

/**
 * Collects the assistant's answer from the lines of an OpenAI chat-completion event stream:
 * the {@code choices[0].delta.content} of every {@code data:} event, until {@code data: [DONE]}.
 * Not thread-safe; one per stream.
 */
final class SseAnswer {
  private final StringBuilder text = new StringBuilder();
  private boolean done;
  private boolean failed;

  /** Takes one line of the stream (without its line break). */
  void accept(String line) {
    if (!line.startsWith("data:")) {
      return;
    }
    String data = line.substring(5).strip();
    if (data.equals("[DONE]")) {
      done = true;
      return;
    }
    try {
      JsonNode event = JsonBodies.MAPPER.readTree(data);
      if (event.has("error")) {
        failed = true;
      }
      JsonNode content = event.path("choices").path(0).path("delta").path("content");
      if (content.isTextual()) {
        text.append(content.asText());
      }
    } catch (IOException e) {
      failed = true;
    }
  }

  /** Whether the stream ended with {@code [DONE]} and carried no error. */
  boolean complete() {
    return done && !failed;
  }

  /** The answer so far. */
  String text() {
    return text.toString();
  }
}
