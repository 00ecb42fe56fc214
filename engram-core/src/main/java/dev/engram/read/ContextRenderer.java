package dev.engram.read;

import dev.engram.model.MemoryItem;
import dev.engram.model.TokenEstimate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Renders packed items as prompt text: a short header with date and session, then the text. */
final class ContextRenderer {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private ContextRenderer() {}

  /** The header of an item at 1-based position {@code n}. */
  static String header(int n, MemoryItem item) {
    return "[" + n + "] " + DATE.format(item.eventTime()) + " · " + item.session() + " · #"
        + (item.sessionSeq() + 1);
  }

  /** The rendered block of an item, header and text, ending with a blank line. */
  static String block(int n, MemoryItem item) {
    return header(n, item) + "\n" + item.text() + "\n\n";
  }

  /**
   * Tokens an item costs in a context. Headers differ only in the position number, so the cost is
   * computed with a two-digit position and is stable whatever the final order.
   */
  static int cost(MemoryItem item) {
    return TokenEstimate.of(block(10, item));
  }
}
