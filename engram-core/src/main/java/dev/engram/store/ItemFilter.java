package dev.engram.store;

import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.model.Tier;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which items a search or listing sees.
 *
 * @param kinds the item kinds to include, at least one
 * @param tiers the tiers to include, at least one; search methods see only {@link Tier#HOT}
 *     items whatever this says (cold items are out of the search indexes)
 * @param range only items whose event time lies in it
 * @param includeSuperseded whether items that are no longer {@link
 *     dev.engram.model.Lifecycle#current() current} (superseded facts) are included
 */
public record ItemFilter(
    Set<ItemKind> kinds, Set<Tier> tiers, TimeRange range, boolean includeSuperseded) {
  /** Every item. */
  public static final ItemFilter ANY = new ItemFilter(
      EnumSet.allOf(ItemKind.class), EnumSet.allOf(Tier.class), TimeRange.ALL, true);

  public ItemFilter {
    kinds = Set.copyOf(Require.nonNull(kinds, "kinds"));
    tiers = Set.copyOf(Require.nonNull(tiers, "tiers"));
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("kinds must not be empty");
    }
    if (tiers.isEmpty()) {
      throw new IllegalArgumentException("tiers must not be empty");
    }
    Require.nonNull(range, "range");
  }

  /**
   * What recall searches by default: hot episodes and notes in {@code range}; this is also what
   * the filter-less search methods of {@link MemoryStore} use.
   */
  public static ItemFilter evidence(TimeRange range) {
    return new ItemFilter(EnumSet.of(ItemKind.EPISODE, ItemKind.NOTE), EnumSet.of(Tier.HOT), range,
        false);
  }

  /** Current (not superseded) items of these kinds in any tier and at any time. */
  public static ItemFilter current(ItemKind first, ItemKind... rest) {
    return new ItemFilter(EnumSet.of(first, rest), EnumSet.allOf(Tier.class), TimeRange.ALL, false);
  }

  /** Items of these kinds in any tier, at any time, superseded or not. */
  public static ItemFilter allOf(ItemKind first, ItemKind... rest) {
    return new ItemFilter(EnumSet.of(first, rest), EnumSet.allOf(Tier.class), TimeRange.ALL, true);
  }

  /** This filter restricted to a time range. */
  public ItemFilter withRange(TimeRange value) {
    return new ItemFilter(kinds, tiers, value, includeSuperseded);
  }

  /** This filter restricted to some tiers. */
  public ItemFilter withTiers(Set<Tier> value) {
    return new ItemFilter(kinds, value, range, includeSuperseded);
  }

  /** Whether {@code item} passes this filter. */
  public boolean accepts(MemoryItem item) {
    return kinds.contains(item.kind()) && tiers.contains(item.lifecycle().tier())
        && range.contains(item.eventTime())
        && (includeSuperseded || item.lifecycle().current());
  }
}
