package dev.engram.bench.systems;

import dev.engram.model.MemoryItem;
import dev.engram.model.TokenEstimate;
import dev.engram.read.Context;
import dev.engram.read.PackedItem;
import dev.engram.read.PackedItem.Reason;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Packs a baseline's items into a {@link Context} the way Engram renders one: each item is a block
 * {@code [n] yyyy-MM-dd HH:mm · session · #seq}, its text and a blank line, charged
 * {@link TokenEstimate} of the block with a two-digit position (as Engram's packer charges it), so
 * every system spends the same budget on the same item. Stateless and thread-safe.
 */
public final class BudgetPacker {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private BudgetPacker() {}

  /** What an item costs in a context, in estimated tokens. */
  public static int cost(MemoryItem item) {
    return TokenEstimate.of(block(10, item));
  }

  /**
   * Takes items in rank order, skipping any that no longer fits (a smaller one further down may
   * still fit), until the list ends. Context order is rank order; ranks are 1-based list positions.
   */
  public static Context greedy(String query, List<MemoryItem> ranked, int budget) {
    List<PackedItem> packed = new ArrayList<>();
    int used = 0;
    for (int i = 0; i < ranked.size(); i++) {
      int cost = cost(ranked.get(i));
      if (used + cost <= budget) {
        packed.add(new PackedItem(ranked.get(i), Reason.HIT, i + 1, cost));
        used += cost;
      }
    }
    return render(query, packed, budget);
  }

  /**
   * A message window: takes items newest first and stops at the first that does not fit (a window
   * has no gaps), then presents them oldest first, as a chat history is read.
   *
   * @param newestFirst the history, newest item first
   */
  public static Context window(String query, List<MemoryItem> newestFirst, int budget) {
    List<PackedItem> packed = new ArrayList<>();
    int used = 0;
    for (int i = 0; i < newestFirst.size(); i++) {
      int cost = cost(newestFirst.get(i));
      if (used + cost > budget) {
        break;
      }
      packed.add(0, new PackedItem(newestFirst.get(i), Reason.HIT, i + 1, cost));
      used += cost;
    }
    return render(query, packed, budget);
  }

  private static Context render(String query, List<PackedItem> packed, int budget) {
    StringBuilder text = new StringBuilder();
    int tokens = 0;
    for (int i = 0; i < packed.size(); i++) {
      text.append(block(i + 1, packed.get(i).item()));
      tokens += packed.get(i).tokens();
    }
    Context.Mode mode = packed.isEmpty() ? Context.Mode.EMPTY : Context.Mode.RETRIEVAL;
    return new Context(query, mode, packed, text.toString().stripTrailing(), tokens, budget,
        Map.of());
  }

  private static String block(int n, MemoryItem item) {
    return "[" + n + "] " + DATE.format(item.eventTime()) + " · " + item.session() + " · #"
        + (item.sessionSeq() + 1) + "\n" + item.text() + "\n\n";
  }
}
