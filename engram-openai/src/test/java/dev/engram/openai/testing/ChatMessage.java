package dev.engram.openai.testing;

import java.util.Objects;

/**
 * One message of a chat request as {@link FakeOpenAiServer} received it. Multi-part content (an
 * array of {@code {"type":"text","text":...}} parts) is flattened to its text parts joined by
 * newlines.
 *
 * @param role "system", "user", "assistant" or "tool"; never null
 * @param content the text; empty, never null, when the message carried none
 */
public record ChatMessage(String role, String content) {

  public ChatMessage {
    Objects.requireNonNull(role, "role");
    content = content == null ? "" : content;
  }
}
