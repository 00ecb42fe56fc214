package dev.engram.write;

import java.util.ArrayList;
import java.util.List;

/**
 * The lexical index key of a conversation round: its text, plus lines that put the right words
 * in front of BM25. The text a reader gets stays as it was; what the vector is made from is
 * {@link EmbeddingInput}'s business.
 *
 * <p><b>A short round borrows from its neighbours.</b> A short turn often leans on the turn before
 * or after it. "It taught me self-acceptance" answers "What did you take away from Becoming
 * Nicole?", and a question about the book shares no word with the answer. So a round of at most
 * {@link #SHORT_ROUND_CHARS} characters gets two more lines: the previous round's last line and
 * the next round's first line, each cut to {@link #NEIGHBOUR_CHARS} characters. A round
 * remembered on its own (a chat integration remembers each round as it ends) borrows the last
 * line of the session's last stored round; a round stored earlier does not gain the first line
 * of a round that comes later. Forgetting a round takes back what it lent ({@link #without}), so
 * that its words do not stay searchable through a neighbour.
 *
 * <p><b>A long round weighs the user's words more.</b> In a longer round the assistant's reply
 * is most of the text, while what is asked about later is mostly what the user said. So the
 * user's lines of a longer round appear {@link #USER_WEIGHT} times in its key.
 *
 * <p>Measured with {@code engram bench locomo|longmemeval --systems engram} on all dev questions
 * (docs/bench-notes.md, "Round keys"). Borrowing took LoCoMo recall_all@10 from 0.708 to 0.736
 * and evidence in context at 3,500 tokens from 0.817 to 0.840; LongMemEval did not move by more
 * than one question. Weighing the user's words took LongMemEval recall_all@10 from 0.821 to
 * 0.838 and evidence in context at 8,000 tokens from 0.919 to 0.945 (session recall_all@5 stayed
 * at 0.877); LoCoMo's rounds are short, and it moved by three questions at most. Lending the
 * neighbours to the vector as well did not pay: LoCoMo session recall_all@5 fell by 0.015, and
 * the novelty gate took 47 rounds for near-repeats instead of 3.
 *
 * <p>Stateless and thread-safe.
 */
public final class RoundKey {
  /** Rounds up to this many characters borrow their neighbours' bordering lines. */
  public static final int SHORT_ROUND_CHARS = 600;
  /** Most characters taken from each neighbour. */
  public static final int NEIGHBOUR_CHARS = 300;
  /** How many times the user's lines of a longer round count in its key. */
  public static final int USER_WEIGHT = 4;

  private RoundKey() {}

  /**
   * The index key of {@code rounds.get(index)}: its text, and when the text is short, the
   * previous round's last line and the next round's first line; when it is longer, the user's
   * lines again.
   *
   * @param rounds consecutive rounds of one session, in order
   * @param index which round, in {@code [0, rounds.size())}
   * @param before the text of the round just before {@code rounds.get(0)}, stored earlier; null
   *     when there is none or it is not known
   */
  public static String key(List<Segment> rounds, int index, String before) {
    String text = rounds.get(index).text();
    if (text.length() > SHORT_ROUND_CHARS) {
      return withUserWeight(text);
    }
    StringBuilder key = new StringBuilder(text);
    String previous = index > 0 ? rounds.get(index - 1).text() : before;
    if (previous != null) {
      key.append('\n').append(lastLine(previous));
    }
    if (index + 1 < rounds.size()) {
      key.append('\n').append(firstLine(rounds.get(index + 1).text()));
    }
    return key.toString();
  }

  /**
   * {@code key} without the lines that a neighbour whose text is {@code neighbourText} lent it.
   * Only the part of the key after the item's own {@code text} is touched.
   *
   * @param text the item's own text
   * @param key the item's index key
   * @param neighbourText the text of a round of the same session, about to be forgotten
   * @return the key with those lines gone; {@code key} itself if it had none of them
   */
  public static String without(String text, String key, String neighbourText) {
    int own = key.startsWith(text) ? text.length() : 0;
    List<String> lent = List.of(lastLine(neighbourText), firstLine(neighbourText));
    List<String> kept = new ArrayList<>();
    boolean changed = false;
    for (String line : key.substring(own).split("\n", -1)) {
      if (!line.isEmpty() && lent.contains(line)) {
        changed = true;
      } else {
        kept.add(line);
      }
    }
    return changed ? key.substring(0, own) + String.join("\n", kept) : key;
  }

  /** {@code text} with the user's lines ({@link RoundParts}) appended USER_WEIGHT - 1 times. */
  private static String withUserWeight(String text) {
    String user = RoundParts.of(text).user();
    return user.isEmpty() ? text : text + ("\n" + user).repeat(USER_WEIGHT - 1);
  }

  private static String lastLine(String text) {
    return TextCut.atSpace(text.substring(text.lastIndexOf('\n') + 1), NEIGHBOUR_CHARS);
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return TextCut.atSpace(end < 0 ? text : text.substring(0, end), NEIGHBOUR_CHARS);
  }
}
