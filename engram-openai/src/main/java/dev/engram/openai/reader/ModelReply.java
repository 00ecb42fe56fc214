package dev.engram.openai.reader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A quote-then-answer reply, parsed leniently: code fences and text around the JSON object are
 * ignored, {@code item}/{@code id} and {@code text}/{@code quote} are both accepted.
 *
 * @param quotes what the model quoted, in its order
 * @param answer its answer text
 */
record ModelReply(List<Quote> quotes, String answer) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One quote: the item reference as the model wrote it (a number or an id), and the text. */
  record Quote(String itemRef, String text) {}

  ModelReply {
    quotes = List.copyOf(quotes);
  }

  /** Whether the model said memory does not hold the answer. */
  boolean abstains() {
    String normalised = answer.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
    return normalised.contains(QuotePrompt.NOT_IN_MEMORY);
  }

  /**
   * Parses the assistant text.
   *
   * @throws IllegalArgumentException with a short reason when it is not the requested JSON
   */
  static ModelReply parse(String content) {
    int start = content.indexOf('{');
    int end = content.lastIndexOf('}');
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("the reply is not a JSON object");
    }
    JsonNode root;
    try {
      root = JSON.readTree(content.substring(start, end + 1));
    } catch (IOException e) {
      throw new IllegalArgumentException("the reply is not valid JSON");
    }
    if (!root.path("answer").isTextual() || root.path("answer").asText().isBlank()) {
      throw new IllegalArgumentException("the reply has no \"answer\"");
    }
    List<Quote> quotes = new ArrayList<>();
    for (JsonNode quote : root.path("quotes")) {
      JsonNode ref = quote.has("item") ? quote.get("item") : quote.path("id");
      JsonNode text = quote.has("text") ? quote.get("text") : quote.path("quote");
      quotes.add(new Quote(ref.isMissingNode() || ref.isNull() ? "" : ref.asText(), text.asText("")));
    }
    return new ModelReply(quotes, root.get("answer").asText().strip());
  }
}
