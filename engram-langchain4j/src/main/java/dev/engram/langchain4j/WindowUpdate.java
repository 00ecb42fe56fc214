package dev.engram.langchain4j;

import dev.engram.langchain4j.WindowFile.Entry;
import dev.engram.langchain4j.WindowFile.Window;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.SystemMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Works out which messages of a new window are new. A chat memory hands over its whole window on
 * every change: the old window with the oldest messages evicted, new messages appended, and the
 * system message possibly replaced. Leaving system messages aside, the longest run at the start of
 * the new window that repeats the end of the old one is carried over (with its Engram item id);
 * the rest is new. A carried message keeps its state; an evicted one whose round has not been
 * remembered yet moves to {@link Window#unremembered()}, so no turn is lost to the window's size.
 *
 * <p>Messages are compared by their serialized form. When the new window both evicts and repeats
 * a message verbatim, the repeat is taken as carried over (it is already in long-term memory).
 */
final class WindowUpdate {
  private WindowUpdate() {}

  /**
   * The window after the chat memory stored {@code messages}.
   *
   * @param json each message's serialized form, in the same order
   */
  static Window of(Window old, List<ChatMessage> messages, List<String> json) {
    List<Entry> oldTurns = new ArrayList<>();
    for (Entry entry : old.shown()) {
      if (!(ChatMessageDeserializer.messageFromJson(entry.message()) instanceof SystemMessage)) {
        oldTurns.add(entry);
      }
    }
    List<String> newTurns = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      if (!(messages.get(i) instanceof SystemMessage)) {
        newTurns.add(json.get(i));
      }
    }
    int carried = overlap(oldTurns, newTurns);
    List<Entry> unremembered = new ArrayList<>(old.unremembered());
    for (Entry evicted : oldTurns.subList(0, oldTurns.size() - carried)) {
      if (evicted.pending()) {
        unremembered.add(evicted);
      }
    }
    List<Entry> shown = new ArrayList<>(messages.size());
    int turn = 0;
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i) instanceof SystemMessage) {
        shown.add(new Entry(json.get(i), null, false));
      } else if (turn < carried) {
        shown.add(oldTurns.get(oldTurns.size() - carried + turn++));
      } else {
        shown.add(new Entry(json.get(i), null, true));
        turn++;
      }
    }
    return new Window(shown, unremembered);
  }

  /** The largest k such that the first k new turns equal the last k old turns. */
  private static int overlap(List<Entry> oldTurns, List<String> newTurns) {
    for (int k = Math.min(oldTurns.size(), newTurns.size()); k > 0; k--) {
      if (sameRun(oldTurns, oldTurns.size() - k, newTurns, k)) {
        return k;
      }
    }
    return 0;
  }

  private static boolean sameRun(List<Entry> oldTurns, int from, List<String> newTurns, int k) {
    for (int i = 0; i < k; i++) {
      if (!oldTurns.get(from + i).message().equals(newTurns.get(i))) {
        return false;
      }
    }
    return true;
  }
}
