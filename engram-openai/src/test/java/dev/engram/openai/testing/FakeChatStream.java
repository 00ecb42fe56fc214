package dev.engram.openai.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes a chat completion as OpenAI server-sent events: role, word deltas, stop, [DONE]. */
final class FakeChatStream {

  private FakeChatStream() {}

  static void send(HttpExchange exchange, String id, String model, String content, Fault fault)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    event(out, chunk(id, model, "assistant", "", null));
    if (fault instanceof Fault.MalformedJson) {
      out.write("data: {\"choices\": [{\"delta\": {\"content\": \n\n".getBytes(StandardCharsets.UTF_8));
      out.close();
      return;
    }
    List<String> pieces = pieces(content);
    for (int i = 0; i < pieces.size(); i++) {
      event(out, chunk(id, model, null, pieces.get(i), null));
      if (fault instanceof Fault.CutStream && i == 0) {
        out.flush();
        throw new FakeWire.ConnectionDropped();
      }
    }
    if (fault instanceof Fault.CutStream) {
      out.flush();
      throw new FakeWire.ConnectionDropped();
    }
    event(out, chunk(id, model, null, null, "stop"));
    out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
    out.close();
  }

  /** Splits content into words that keep their trailing whitespace, so the pieces rejoin exactly. */
  static List<String> pieces(String content) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= content.length(); i++) {
      boolean boundary = i == content.length()
          || (Character.isWhitespace(content.charAt(i - 1)) && !Character.isWhitespace(content.charAt(i)));
      if (boundary) {
        pieces.add(content.substring(start, i));
        start = i;
      }
    }
    return pieces;
  }

  private static ObjectNode chunk(String id, String model, String role, String content, String finish) {
    ObjectNode chunk = FakeWire.JSON.createObjectNode()
        .put("id", id).put("object", "chat.completion.chunk").put("created", 1_700_000_000L).put("model", model);
    ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
    ObjectNode delta = choice.putObject("delta");
    if (role != null) {
      delta.put("role", role);
    }
    if (content != null) {
      delta.put("content", content);
    }
    if (finish == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finish);
    }
    return chunk;
  }

  private static void event(OutputStream out, ObjectNode chunk) throws IOException {
    out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
