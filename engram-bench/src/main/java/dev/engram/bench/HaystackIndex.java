package dev.engram.bench;

import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Session;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a haystack's turns landed in memory: which stored item holds each turn (by the items'
 * source ids, which are the dataset's turn ids), and how each turn reads inside an item's text, so
 * a truncated item is only credited with the turns it still shows whole.
 */
final class HaystackIndex {
  private final Map<String, MemoryItem> itemById = new HashMap<>();
  private final Map<String, MemoryItem> itemByTurn = new HashMap<>();
  private final Map<String, String> turnLine = new HashMap<>();
  private final Set<String> sessions = new HashSet<>();

  /**
   * @param haystack the haystack's sessions (for the turns' texts)
   * @param items every stored item of the subject, in timeline order
   */
  HaystackIndex(List<Session> haystack, List<MemoryItem> items) {
    for (MemoryItem item : items) {
      itemById.put(item.id(), item);
      this.sessions.add(item.session());
      for (String turn : item.sourceIds()) {
        itemByTurn.putIfAbsent(turn, item);
      }
    }
    for (Session session : haystack) {
      for (Message message : session.messages()) {
        if (message.id() != null) {
          // The form Engram's segmenter gives a turn inside a round's text.
          turnLine.put(message.id(), message.role().prefix() + message.content().strip());
        }
      }
    }
  }

  /** The evidence turns that some stored item holds, in the given order. */
  Set<String> known(Set<String> turns) {
    Set<String> out = new LinkedHashSet<>();
    for (String turn : turns) {
      if (itemByTurn.containsKey(turn)) {
        out.add(turn);
      }
    }
    return out;
  }

  /** The sessions that hold {@code turns}, in order of first mention. */
  Set<String> sessionsOf(Set<String> turns) {
    Set<String> out = new LinkedHashSet<>();
    for (String turn : turns) {
      MemoryItem item = itemByTurn.get(turn);
      if (item != null) {
        out.add(item.session());
      }
    }
    return out;
  }

  /** How many distinct items hold at least one of {@code turns}. */
  int itemsHolding(Set<String> turns) {
    Set<String> ids = new LinkedHashSet<>();
    for (String turn : turns) {
      MemoryItem item = itemByTurn.get(turn);
      if (item != null) {
        ids.add(item.id());
      }
    }
    return ids.size();
  }

  /** Whether any stored item belongs to {@code session}. */
  boolean hasSession(String session) {
    return sessions.contains(session);
  }

  /**
   * Whether the packed form of an item shows {@code turn} whole: the item holds the turn and is
   * either the stored item unchanged or still contains the turn's text (packers may cut an item).
   */
  boolean shows(MemoryItem packed, String turn) {
    if (!packed.sourceIds().contains(turn)) {
      return false;
    }
    MemoryItem stored = itemById.get(packed.id());
    if (stored != null && stored.text().equals(packed.text())) {
      return true;
    }
    String line = turnLine.get(turn);
    return line != null && packed.text().contains(line);
  }
}
