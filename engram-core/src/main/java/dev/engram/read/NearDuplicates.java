package dev.engram.read;

import dev.engram.text.Terms;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds near-duplicates by the Jaccard overlap of analysed term sets. Packing the same content
 * twice wastes budget and, as a hard negative, hurts readers.
 */
final class NearDuplicates {
  private final double threshold;
  private final Map<String, Set<String>> termSets = new HashMap<>();

  /** @param threshold Jaccard overlap at or above which two texts count as duplicates */
  NearDuplicates(double threshold) {
    this.threshold = threshold;
  }

  /** Whether the two items' texts overlap at or above the threshold. */
  boolean same(String idA, String textA, String idB, String textB) {
    Set<String> a = terms(idA, textA);
    Set<String> b = terms(idB, textB);
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    int smaller = Math.min(a.size(), b.size());
    int larger = Math.max(a.size(), b.size());
    if ((double) smaller / larger < threshold) {
      return false;
    }
    int common = 0;
    for (String term : a.size() <= b.size() ? a : b) {
      if ((a.size() <= b.size() ? b : a).contains(term)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common) >= threshold;
  }

  private Set<String> terms(String id, String text) {
    return termSets.computeIfAbsent(id, key -> new HashSet<>(Terms.of(text)));
  }
}
