package dev.engram;

import dev.engram.model.Message;
import dev.engram.model.Session;
import java.time.Instant;
import java.util.List;

/**
 * A short history for tests of remembering: one session a day from {@link #START}, each a
 * statement with its reply and then a closing round. The statements carry facts, and the last
 * one supersedes an earlier home.
 */
public final class TestHistory {
  /** When the first session starts. */
  public static final Instant START = Instant.parse("2024-05-01T08:00:00Z");

  private static final List<Session> SESSIONS = List.of(
      session("s1", 0, "I live in Porto.", "Nice city!"),
      session("s2", 1, "My sister Ana is a nurse.", "Good to know."),
      session("s3", 2, "I moved to Lisbon last week.", "Congratulations on the move."),
      session("s4", 3, "My dog is called Biscuit.", "What a lovely name."),
      session("s5", 4, "I work as a baker now.", "Early mornings then."),
      session("s6", 5, "Actually I live in Braga now.", "Another move!"));

  private TestHistory() {}

  /** The first {@code count} sessions, in [1, 6]. */
  public static List<Session> sessions(int count) {
    return SESSIONS.subList(0, count);
  }

  /** Session {@code id} on day {@code day}: {@code user}, {@code reply}, then a closing round. */
  public static Session session(String id, int day, String user, String reply) {
    Instant at = START.plusSeconds(86_400L * day);
    return new Session(id, at, List.of(Message.user(user), Message.assistant(reply),
        Message.user("Thanks, that's all for " + id + "."), Message.assistant("Bye!")));
  }
}
