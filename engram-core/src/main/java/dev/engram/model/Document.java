package dev.engram.model;

import java.time.Instant;

/**
 * A document to remember: split into pages with overlap, each page an episode. The document is its
 * own session.
 *
 * @param id the document's session id, e.g. its file name
 * @param text the whole text, non-blank, at most {@link #MAX_CHARS} characters
 * @param time when it was written; may be null, then the ingest time is used
 */
public record Document(String id, String text, Instant time) {
  /** Longest accepted document, in characters (64 MiB). */
  public static final int MAX_CHARS = 64 << 20;

  public Document {
    Require.identifier(id, "id");
    Require.nonBlank(text, "text");
    if (text.length() > MAX_CHARS) {
      throw new IllegalArgumentException(
          "text must be at most " + MAX_CHARS + " characters, was " + text.length());
    }
  }
}
