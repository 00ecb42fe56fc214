package dev.engram.write;

import java.time.Instant;
import java.util.List;

/**
 * One episode-to-be: a round of a conversation or a page of a document, before ids and vectors.
 *
 * @param text verbatim text (for a round, one {@code role: content} line per turn)
 * @param eventTime when it happened, or null when the source gave no time
 * @param sourceIds the caller-side ids of the turns or pages it holds
 */
public record Segment(String text, Instant eventTime, List<String> sourceIds) {
  public Segment {
    sourceIds = List.copyOf(sourceIds);
  }
}
