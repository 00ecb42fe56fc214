package dev.engram.openai.testing;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One request {@link FakeOpenAiServer} received on {@code /chat/completions}, faulted or not.
 *
 * @param model the {@code model} field; empty when absent
 * @param messages the messages, in request order
 * @param stream whether the request asked for server-sent events
 * @param authorization the raw {@code Authorization} header, or null when none was sent
 * @param rawBody the request body exactly as received
 */
public record ChatCall(
    String model, List<ChatMessage> messages, boolean stream, String authorization, String rawBody) {

  public ChatCall {
    model = model == null ? "" : model;
    messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    Objects.requireNonNull(rawBody, "rawBody");
  }

  /** The content of the last {@code user} message; empty when there is none. */
  public String lastUserMessage() {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role().equals("user")) {
        return messages.get(i).content();
      }
    }
    return "";
  }

  /** The contents of all {@code system} and {@code user} messages, in order, joined by newlines. */
  public String systemAndUserText() {
    return messages.stream()
        .filter(m -> m.role().equals("system") || m.role().equals("user"))
        .map(ChatMessage::content)
        .collect(Collectors.joining("\n"));
  }
}
