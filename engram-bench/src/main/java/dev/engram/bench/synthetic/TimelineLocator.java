package dev.engram.bench.synthetic;

import dev.engram.model.MemoryItem;
import dev.engram.read.Context;
import java.util.List;

/**
 * Finds where a text segment sits in the subject's timeline, using only what recall packed: the
 * item's {@code subjectSeq}, then the segment's offset inside the item. Pages overlap, so a
 * segment may sit in two items; the earliest position is taken, which keeps order between two
 * segments in the same overlap. Stateless.
 */
final class TimelineLocator {
  /** Words of a segment's head (or tail) matched verbatim: long enough to be unique in a book. */
  static final int PROBE_WORDS = 6;

  private TimelineLocator() {}

  /**
   * A position in the timeline.
   *
   * @param subjectSeq the item's timeline position
   * @param offset characters into the item's text (negative when estimated from the tail)
   */
  record Position(long subjectSeq, long offset) implements Comparable<Position> {
    @Override
    public int compareTo(Position other) {
      int bySeq = Long.compare(subjectSeq, other.subjectSeq);
      return bySeq != 0 ? bySeq : Long.compare(offset, other.offset);
    }
  }

  /** The earliest position of {@code segment} in the packed items, or null when none holds it. */
  static Position locate(Context context, String segment) {
    String[] words = segment.split(" ");
    int probe = Math.min(PROBE_WORDS, words.length);
    String head = String.join(" ", List.of(words).subList(0, probe));
    String tail = String.join(" ", List.of(words).subList(words.length - probe, words.length));
    Position found = earliest(context, head, 0);
    return found != null ? found : earliest(context, tail, segment.length() - tail.length());
  }

  private static Position earliest(Context context, String probe, int shift) {
    Position best = null;
    for (MemoryItem item : context.memoryItems()) {
      int at = item.text().indexOf(probe);
      if (at >= 0) {
        Position here = new Position(item.subjectSeq(), at - (long) shift);
        if (best == null || here.compareTo(best) < 0) {
          best = here;
        }
      }
    }
    return best;
  }
}
