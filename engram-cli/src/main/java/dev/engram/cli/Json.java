package dev.engram.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.model.MemoryItem;
import dev.engram.reader.Citation;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** The {@code --json} output: one pretty-printed JSON object per command, for scripts. */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static void print(PrintWriter out, Object node) {
    try {
      out.println(MAPPER.writeValueAsString(node));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode item(MemoryItem item) {
    ObjectNode node = object();
    node.put("id", item.id());
    node.put("session", item.session());
    node.put("sessionSeq", item.sessionSeq());
    node.put("subjectSeq", item.subjectSeq());
    node.put("eventTime", item.eventTime().toString());
    ArrayNode sources = node.putArray("sourceIds");
    item.sourceIds().forEach(sources::add);
    node.put("tokens", item.tokens());
    node.put("text", item.text());
    return node;
  }

  static ObjectNode citation(Citation citation) {
    ObjectNode node = object();
    node.put("itemId", citation.itemId());
    node.put("session", citation.session());
    ArrayNode sources = node.putArray("sourceIds");
    citation.sourceIds().forEach(sources::add);
    node.put("quote", citation.quote());
    return node;
  }
}
