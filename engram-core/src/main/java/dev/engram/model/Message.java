package dev.engram.model;

import java.time.Instant;

/**
 * One turn of a conversation, verbatim.
 *
 * @param id an optional caller-side id (e.g. a dataset's turn id {@code D3:7}); kept as a source id
 *     of the episode that holds this turn; may be null
 * @param role who spoke
 * @param content the text, non-blank, at most {@link #MAX_CHARS} characters
 * @param time when it was said; may be null, then the session's time or the ingest time is used
 */
public record Message(String id, Role role, String content, Instant time) {
  /** Longest accepted message, in characters (1 MiB of text). */
  public static final int MAX_CHARS = 1 << 20;

  public Message {
    Require.nonNull(role, "role");
    Require.nonBlank(content, "content");
    if (content.length() > MAX_CHARS) {
      throw new IllegalArgumentException(
          "content must be at most " + MAX_CHARS + " characters, was " + content.length());
    }
  }

  /** A user turn without id or time. */
  public static Message user(String content) {
    return new Message(null, Role.USER, content, null);
  }

  /** An assistant turn without id or time. */
  public static Message assistant(String content) {
    return new Message(null, Role.ASSISTANT, content, null);
  }
}
