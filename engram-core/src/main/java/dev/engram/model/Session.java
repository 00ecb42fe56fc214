package dev.engram.model;

import java.time.Instant;
import java.util.List;

/**
 * One conversation to remember: its id, start time and turns in order.
 *
 * @param id the session id, unique within the subject
 * @param start when it started; may be null (then each message's own time, or the ingest time)
 * @param messages the turns, in order, at least one
 */
public record Session(String id, Instant start, List<Message> messages) {
  public Session {
    Require.identifier(id, "session id");
    messages = List.copyOf(Require.nonNull(messages, "messages"));
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages must not be empty for session '" + id + "'");
    }
  }
}
