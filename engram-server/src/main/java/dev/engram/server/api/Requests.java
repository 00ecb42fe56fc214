package dev.engram.server.api;

import dev.engram.model.Document;
import dev.engram.model.Message;
import dev.engram.model.Role;
import dev.engram.model.Session;
import dev.engram.read.PackOrder;
import dev.engram.read.RecallRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** The JSON request bodies of the REST API; each converts itself to the core's value types. */
final class Requests {
  private Requests() {}

  /** One turn: {@code {"role": "user", "content": "...", "time": "2024-05-01T10:00:00Z"}}. */
  record MessageIn(String id, String role, String content, String time) {
    Message toMessage() {
      return new Message(id, Role.parse(role), content, instant(time, "time"));
    }
  }

  /** {@code POST /v1/subjects/{subject}/messages}. */
  record RememberMessages(String session, String start, List<MessageIn> messages) {
    Session toSession() {
      if (messages == null || messages.isEmpty()) {
        throw new IllegalArgumentException("messages must not be empty");
      }
      return new Session(session, instant(start, "start"),
          messages.stream().map(MessageIn::toMessage).toList());
    }
  }

  /** {@code POST /v1/subjects/{subject}/documents}. */
  record RememberDocument(String id, String text, String time) {
    Document toDocument() {
      return new Document(id, text, instant(time, "time"));
    }
  }

  /** {@code POST /v1/subjects/{subject}/search}. */
  record Search(String query, Integer budget, String order) {
    RecallRequest toRequest(int defaultBudget) {
      return recall(query, budget, order, defaultBudget);
    }
  }

  /** {@code POST /v1/subjects/{subject}/ask}. */
  record Ask(String question, Integer budget, String order) {
    RecallRequest toRequest(int defaultBudget) {
      return recall(question, budget, order, defaultBudget);
    }
  }

  private static RecallRequest recall(String query, Integer budget, String order, int fallback) {
    RecallRequest request = RecallRequest.of(query).withBudget(budget == null ? fallback : budget);
    if (order == null) {
      return request;
    }
    switch (order.toLowerCase(Locale.ROOT)) {
      case "edges_first":
        return request.withOrder(PackOrder.EDGES_FIRST);
      case "chronological":
        return request.withOrder(PackOrder.CHRONOLOGICAL);
      default:
        throw new IllegalArgumentException(
            "order must be edges_first or chronological, was '" + order + "'");
    }
  }

  private static Instant instant(String text, String name) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 instant like 2024-05-01T10:00:00Z, was '" + text + "'");
    }
  }
}
