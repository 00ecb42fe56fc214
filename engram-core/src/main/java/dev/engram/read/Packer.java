package dev.engram.read;

import dev.engram.model.MemoryItem;
import dev.engram.read.Explanation.Fate;
import dev.engram.read.PackedItem.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Fills a token budget with fused candidates in rank order, skipping near-duplicates and items that
 * no longer fit (a smaller one further down may still fit), then spends what is left on the
 * neighbours of the best hits. An item is read (its turns matched to the query, its text compared
 * with what is packed) only if its cheapest turn-compacted copy fits: most candidates of a recall
 * do not, and reading them was half of its time. Not thread-safe: one packer per recall.
 */
final class Packer {
  /** How many of the best hits get their neighbouring rounds packed, budget permitting. */
  static final int NEIGHBOUR_HITS = 3;

  private final int budget;
  private final TurnCompactor compactor;
  private final NearDuplicates duplicates = new NearDuplicates(0.9);
  private final Map<String, PackedItem> packed = new LinkedHashMap<>();
  private final Map<String, Explanation> explanations = new HashMap<>();
  private int used;

  Packer(int budget, TurnCompactor compactor) {
    this.budget = budget;
    this.compactor = compactor;
  }

  void packHits(List<Candidate> candidates) {
    for (Candidate candidate : candidates) {
      boolean first = packed.isEmpty() && candidate.rank() == 1;
      if (!first && !mayFit(candidate.item())) {
        explain(candidate, Fate.OVER_BUDGET, "not packed: needs more than the "
            + (budget - used) + " tokens left");
        continue;
      }
      MemoryItem item = compactor.view(candidate.item());
      int cost = ContextRenderer.cost(item);
      if (used + cost <= budget) {
        // Checked only for what fits: comparing texts is most of the cost of packing.
        PackedItem twin = duplicateOf(item);
        if (twin != null) {
          explain(candidate, Fate.NEAR_DUPLICATE,
              "a near-duplicate of packed item " + twin.item().id());
          continue;
        }
        add(new PackedItem(item, Reason.HIT, candidate.rank(), cost));
        explain(candidate, Fate.PACKED, "packed (" + cost + " tokens)");
      } else if (first) {
        PackedItem cut = truncated(item, candidate.rank());
        if (cut != null) {
          add(cut);
          explain(candidate, Fate.PACKED, "packed, cut to " + cut.tokens() + " tokens to fit");
        }
      } else {
        explain(candidate, Fate.OVER_BUDGET,
            "not packed: needs " + cost + " tokens, " + (budget - used) + " left");
      }
    }
  }

  /**
   * Packs the rounds next to the best hits while budget lasts.
   *
   * @param neighbours given a packed hit, its neighbouring items in session order
   */
  void packNeighbours(Function<MemoryItem, List<MemoryItem>> neighbours) {
    List<PackedItem> best = packed.values().stream()
        .filter(p -> p.reason() == Reason.HIT)
        .sorted(java.util.Comparator.comparingInt(PackedItem::rank))
        .limit(NEIGHBOUR_HITS)
        .toList();
    for (PackedItem hit : best) {
      for (MemoryItem around : neighbours.apply(hit.item())) {
        if (packed.containsKey(around.id()) || !mayFit(around)) {
          continue;
        }
        MemoryItem next = compactor.view(around);
        int cost = ContextRenderer.cost(next);
        if (used + cost <= budget && duplicateOf(next) == null) {
          add(new PackedItem(next, Reason.NEIGHBOUR, hit.rank(), cost));
          explanations.putIfAbsent(next.id(), new Explanation(next.id(), null,
              Fate.PACKED_AS_NEIGHBOUR,
              next.id() + ": packed as a neighbour of rank " + hit.rank() + " (" + cost + " tokens)"));
        }
      }
    }
  }

  List<PackedItem> packed() {
    return new ArrayList<>(packed.values());
  }

  Map<String, Explanation> explanations() {
    return explanations;
  }

  /** Whether the shortest copy the compactor could make of the item fits what is left. */
  private boolean mayFit(MemoryItem item) {
    return used + ContextRenderer.cost(compactor.cheapestView(item)) <= budget;
  }

  private void add(PackedItem item) {
    packed.put(item.item().id(), item);
    used += item.tokens();
  }

  private PackedItem duplicateOf(MemoryItem item) {
    for (PackedItem p : packed.values()) {
      if (duplicates.same(p.item().id(), p.item().text(), item.id(), item.text())) {
        return p;
      }
    }
    return null;
  }

  private PackedItem truncated(MemoryItem item, int rank) {
    int headerCost = ContextRenderer.cost(item) - item.tokens();
    int chars = (budget - headerCost - 4) * 4;
    if (chars < 40) {
      return null;
    }
    String text = item.text().substring(0, Math.min(chars, item.text().length())) + " …";
    MemoryItem cut = new MemoryItem(item.id(), item.owner(), item.session(), item.kind(),
        item.sessionSeq(), item.subjectSeq(), item.eventTime(), item.ingestTime(), text,
        item.key(), item.sourceIds(), item.contentHash(), null);
    return new PackedItem(cut, Reason.HIT, rank, ContextRenderer.cost(cut));
  }

  private void explain(Candidate candidate, Fate fate, String what) {
    explanations.put(candidate.item().id(),
        new Explanation(candidate.item().id(), candidate, fate, describe(candidate) + "; " + what));
  }

  static String describe(Candidate c) {
    // Built by hand: String.format took 5% of a recall, and every candidate is described.
    return c.item().id() + ": fused rank " + c.rank() + " (score " + fixed(c.fusedScore(), 4)
        + ") from BM25 "
        + (c.textRank() > 0 ? "rank " + c.textRank() + " (score " + fixed(c.textScore(), 3) + ")"
            : "miss")
        + " and vector "
        + (c.vectorRank() > 0
            ? "rank " + c.vectorRank() + " (cosine " + fixed(c.vectorScore(), 3) + ")" : "miss");
  }

  /** {@code value} with {@code places} (1-9) decimals, rounded half up, like {@code %.Nf}. */
  static String fixed(double value, int places) {
    long scale = (long) Math.pow(10, places);
    long units = Math.round(Math.abs(value) * scale);
    String fraction = Long.toString(units % scale);
    return (Double.compare(value, 0.0) < 0 ? "-" : "") + units / scale + "."
        + "0".repeat(places - fraction.length()) + fraction;
  }
}
