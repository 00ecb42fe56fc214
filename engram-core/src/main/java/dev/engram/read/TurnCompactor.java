package dev.engram.read;

import dev.engram.model.MemoryItem;
import dev.engram.model.Role;
import dev.engram.model.TokenEstimate;
import dev.engram.text.SentenceSplitter;
import dev.engram.text.Terms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Packs long rounds at turn granularity. In real chat logs a round is mostly the assistant's
 * reply (LongMemEval: user turns ~60 tokens, replies ~430), while what users ask about is mostly
 * what they said; packing whole rounds spends the budget on replies. A round over the cap keeps
 * whole the turn that best carries the query's words, every user turn up to twice the cap or a
 * fifth of the budget, whichever is more (a long pasted document is still what the user asked
 * about, and a large budget affords it), and assistant turns when the query asks what "you"
 * said; it shortens the others to their opening words. The packed copy's {@code sourceIds} then
 * name only the turns kept whole. The stored memory is never changed.
 *
 * <p>Turns are found by their {@code role: } line prefix; a round whose turns cannot be matched
 * one to one with its source ids is left whole rather than mislabelled. Thread-safe (stateless).
 */
final class TurnCompactor {
  private static final List<String> ROLE_PREFIXES =
      Arrays.stream(Role.values()).map(Role::prefix).toList();
  private static final Pattern ASKS_ABOUT_ASSISTANT =
      Pattern.compile("\\b(you|your|yours|assistant)\\b");
  /** Opening kept of a shortened turn, in characters (~40 tokens). */
  private static final int PREVIEW_CHARS = 160;
  /**
   * Share of the budget up to which a user turn is kept whole. On LongMemEval a fifth brought in
   * one more question at 8,000 tokens (a 1,357-token pasted case summary) and moved nothing else
   * at any budget; a tenth moved nothing, three tenths the same as a fifth.
   */
  static final double USER_TURN_SHARE = 0.2;

  private final int itemCap;
  private final int userTurnCap;
  private final Set<String> queryTerms;
  private final boolean aboutAssistant;

  /**
   * @param itemCap tokens above which a round is compacted; 0 turns compaction off
   * @param budget the recall's token budget
   */
  TurnCompactor(String query, int itemCap, int budget) {
    this.itemCap = itemCap;
    this.userTurnCap = Math.max(2 * itemCap, (int) (budget * USER_TURN_SHARE));
    this.queryTerms = new HashSet<>(Terms.of(query));
    this.aboutAssistant = ASKS_ABOUT_ASSISTANT.matcher(query.toLowerCase(Locale.ROOT)).find();
  }

  /** The item as packed: itself when short enough, else a compacted copy with the same id. */
  MemoryItem view(MemoryItem item) {
    List<String> turns = compactable(item);
    return turns == null ? item : compose(item, turns, bestTurn(turns), aboutAssistant);
  }

  /**
   * The shortest copy {@link #view} could return for the item, found without reading its words:
   * every turn that the length rules do not keep whole is shortened, the best-matching one too. A
   * packer that cannot fit this copy need not ask for the view.
   */
  MemoryItem cheapestView(MemoryItem item) {
    List<String> turns = compactable(item);
    return turns == null ? item : compose(item, turns, -1, false);
  }

  /** The item's turns if it is compacted, else null. */
  private List<String> compactable(MemoryItem item) {
    if (itemCap == 0 || item.tokens() <= itemCap) {
      return null;
    }
    List<String> turns = turns(item.text());
    return turns.size() < 2 || turns.size() != item.sourceIds().size() ? null : turns;
  }

  private MemoryItem compose(
      MemoryItem item, List<String> turns, int best, boolean keepMatchingReplies) {
    StringBuilder text = new StringBuilder();
    List<String> whole = new ArrayList<>();
    for (int i = 0; i < turns.size(); i++) {
      String turn = turns.get(i);
      int tokens = TokenEstimate.of(turn);
      boolean keep = i == best
          || (turn.startsWith(Role.USER.prefix()) && tokens <= userTurnCap)
          || (keepMatchingReplies && turn.startsWith(Role.ASSISTANT.prefix()) && overlap(turn) > 0
              && tokens <= 4 * itemCap);
      if (text.length() > 0) {
        text.append('\n');
      }
      if (keep) {
        text.append(turn);
        whole.add(item.sourceIds().get(i));
      } else {
        text.append(preview(turn));
      }
    }
    return new MemoryItem(item.id(), item.owner(), item.session(), item.kind(), item.sessionSeq(),
        item.subjectSeq(), item.eventTime(), item.ingestTime(), text.toString(), item.key(),
        whole, item.contentHash(), null);
  }

  private int bestTurn(List<String> turns) {
    int best = 0;
    double bestScore = -1;
    for (int i = 0; i < turns.size(); i++) {
      // Coverage per token favours a short turn that says it over a long one that mentions it.
      double score = overlap(turns.get(i)) / Math.sqrt(1 + TokenEstimate.of(turns.get(i)));
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return best;
  }

  private int overlap(String turn) {
    int common = 0;
    for (String term : new HashSet<>(Terms.of(turn))) {
      if (queryTerms.contains(term)) {
        common++;
      }
    }
    return common;
  }

  private static String preview(String turn) {
    if (turn.length() <= PREVIEW_CHARS) {
      return turn;
    }
    List<SentenceSplitter.Span> spans = SentenceSplitter.spans(turn);
    int end = spans.isEmpty() ? PREVIEW_CHARS : spans.get(0).end();
    if (end > PREVIEW_CHARS) {
      end = turn.lastIndexOf(' ', PREVIEW_CHARS);
      end = end <= 0 ? PREVIEW_CHARS : end;
    }
    // Never longer than the turn, so no view is cheaper than cheapestView.
    return end + 2 >= turn.length() ? turn : turn.substring(0, end).replace('\n', ' ') + " …";
  }

  /** The turns of a round's text: a new turn starts at each line with a role prefix. */
  static List<String> turns(String text) {
    // A scan for line starts, not split and a regex per line: every candidate of a recall is
    // cut into turns, and this was a tenth of a recall's time.
    List<String> turns = new ArrayList<>();
    int start = 0;
    for (int line = text.indexOf('\n') + 1; line > 0; line = text.indexOf('\n', line) + 1) {
      if (startsTurn(text, line)) {
        turns.add(text.substring(start, line - 1));
        start = line;
      }
    }
    turns.add(text.substring(start));
    return turns;
  }

  /** Whether a turn starts at {@code at} in {@code text}: a role prefix stands there. */
  static boolean startsTurn(String text, int at) {
    for (String role : ROLE_PREFIXES) {
      if (text.startsWith(role, at)) {
        return true;
      }
    }
    return false;
  }
}
