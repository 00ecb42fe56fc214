package dev.engram.read;

import dev.engram.read.PackedItem.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts packed items in context order. A hit and its neighbours form a block kept in session order,
 * so a round is read with the rounds around it.
 */
final class Ordering {
  private static final Comparator<PackedItem> TIMELINE =
      Comparator.comparingLong((PackedItem p) -> p.item().subjectSeq())
          .thenComparingLong(p -> p.item().sessionSeq());

  private Ordering() {}

  static List<PackedItem> apply(List<PackedItem> packed, PackOrder order) {
    if (order == PackOrder.CHRONOLOGICAL) {
      List<PackedItem> sorted = new ArrayList<>(packed);
      sorted.sort(TIMELINE);
      return sorted;
    }
    List<List<PackedItem>> blocks = blocksByRank(packed);
    if (order == PackOrder.EDGES_FIRST) {
      blocks = edgesFirst(blocks);
    }
    List<PackedItem> out = new ArrayList<>();
    blocks.forEach(out::addAll);
    return out;
  }

  private static List<List<PackedItem>> blocksByRank(List<PackedItem> packed) {
    Map<Integer, List<PackedItem>> byRank = new LinkedHashMap<>();
    packed.stream()
        .sorted(Comparator.comparingInt(PackedItem::rank)
            .thenComparing(p -> p.reason() == Reason.HIT ? 0 : 1))
        .forEach(p -> byRank.computeIfAbsent(p.rank(), r -> new ArrayList<>()).add(p));
    List<List<PackedItem>> blocks = new ArrayList<>();
    for (List<PackedItem> block : byRank.values()) {
      block.sort(TIMELINE);
      blocks.add(block);
    }
    return blocks;
  }

  /** Rank order 1, 2, 3, 4, 5 becomes 1, 3, 5, 4, 2: the best at both ends. */
  static <T> List<T> edgesFirst(List<T> ranked) {
    List<T> front = new ArrayList<>();
    List<T> back = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      (i % 2 == 0 ? front : back).add(ranked.get(i));
    }
    for (int i = back.size() - 1; i >= 0; i--) {
      front.add(back.get(i));
    }
    return front;
  }
}
