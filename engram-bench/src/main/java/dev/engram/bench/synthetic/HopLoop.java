package dev.engram.bench.synthetic;

import dev.engram.Engram;
import dev.engram.read.Context;
import dev.engram.read.PackedItem;
import dev.engram.read.RecallRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows a thread through memory one recall at a time: each hop asks about the current key, reads
 * the next key off the link sentence in the packed context, and makes it the next query. Stops
 * when a hop finds no link, revisits a key, or after {@code maxHops} hops. This is the multi-hop
 * loop an agent would run; the bench runs it so retrieval alone is measured. Thread-safe.
 */
final class HopLoop {
  /** Which way to follow a thread. */
  enum Direction {
    /** From the first key: "where does the thread at k continue?" */
    FORWARD,
    /** From the last key: "which thread continues to k?" */
    BACKWARD
  }

  /**
   * One walk.
   *
   * @param found the keys read off the context, in the order found
   * @param hops recalls made
   * @param millis wall time of all recalls
   */
  record Trace(List<String> found, int hops, double millis) {}

  private final Engram engram;
  private final String subject;
  private final int budget;
  private final int maxHops;

  HopLoop(Engram engram, String subject, int budget, int maxHops) {
    this.engram = engram;
    this.subject = subject;
    this.budget = budget;
    this.maxHops = dev.engram.model.Require.inRange(maxHops, 1, 100, "maxHops");
  }

  /** Walks from {@code start} in {@code direction}. */
  Trace follow(String start, Direction direction) {
    List<String> found = new ArrayList<>();
    Set<String> seen = new HashSet<>(List.of(start));
    String current = start;
    int hops = 0;
    long begin = System.nanoTime();
    while (hops < maxHops) {
      hops++;
      Context context = engram.recall(subject,
          RecallRequest.of(query(current, direction)).withBudget(budget));
      String next = nextKey(context, current, direction);
      if (next == null || !seen.add(next)) {
        break;
      }
      found.add(next);
      current = next;
    }
    return new Trace(found, hops, (System.nanoTime() - begin) / 1e6);
  }

  /**
   * Asks the hop from {@code key} again and reports where the link to {@code next} stood: why a
   * walk stopped there.
   */
  Sighting sight(String key, String next, Direction direction) {
    Context context = engram.recall(subject,
        RecallRequest.of(query(key, direction)).withBudget(budget));
    return Sighting.of(context, direction == Direction.FORWARD
        ? NeedleThread.link(key, next) : NeedleThread.link(next, key));
  }

  static String query(String key, Direction direction) {
    return direction == Direction.FORWARD
        ? "Where does the thread at " + key + " continue?"
        : "Which thread continues to " + key + "?";
  }

  /** The key linked to {@code key} in a packed item, or null when no packed link names it. */
  static String nextKey(Context context, String key, Direction direction) {
    Pattern link = direction == Direction.FORWARD
        ? Pattern.compile("The thread at " + Pattern.quote(key) + " continues to ([0-9a-f]{8})\\.")
        : Pattern.compile("The thread at ([0-9a-f]{8}) continues to " + Pattern.quote(key) + "\\.");
    for (PackedItem packed : context.items()) {
      Matcher matcher = link.matcher(packed.item().text());
      if (matcher.find()) {
        return matcher.group(1);
      }
    }
    return null;
  }
}
