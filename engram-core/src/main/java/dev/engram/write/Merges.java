package dev.engram.write;

import dev.engram.model.MemoryItem;
import dev.engram.model.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admission gate's merges applied to a call's new items: each merged round goes to the cold
 * tier, and its nearest neighbour gets a hit (an access), in place when that neighbour is new in
 * the same call, otherwise by the caller through the store.
 *
 * @param ids the merged rounds, in order
 * @param targets the neighbour of each merged round (same order)
 * @param storedTargets the neighbours that were already stored before this call
 * @param lowestNovelty the smallest novelty among the merged rounds (1 when none)
 */
record Merges(List<String> ids, List<String> targets, List<String> storedTargets,
    double lowestNovelty) {

  /**
   * Applies {@code admissions} (one per item, in the map's order) to {@code items}, replacing
   * merged items and in-call targets in place.
   */
  static Merges apply(Map<String, MemoryItem> items, List<Admission> admissions, Instant now) {
    List<String> ids = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    List<String> stored = new ArrayList<>();
    double lowest = 1;
    List<String> order = List.copyOf(items.keySet());
    for (int i = 0; i < order.size(); i++) {
      Admission admission = admissions.get(i);
      if (admission.admitted()) {
        continue;
      }
      String id = order.get(i);
      items.computeIfPresent(id,
          (k, item) -> item.withLifecycle(item.lifecycle().withTier(Tier.COLD)));
      String target = admission.nearestId();
      if (items.containsKey(target)) {
        items.computeIfPresent(target,
            (k, item) -> item.withLifecycle(item.lifecycle().accessed(now)));
      } else {
        stored.add(target);
      }
      ids.add(id);
      targets.add(target);
      lowest = Math.min(lowest, admission.novelty());
    }
    return new Merges(ids, targets, stored, lowest);
  }

  /** The audit reason for these merges. */
  String why(AdmissionPolicy policy) {
    return String.format(Locale.ROOT,
        "near-repeats kept cold: novelty momentum below %.3f (lowest novelty %.3f)",
        policy.threshold(), lowestNovelty);
  }
}
