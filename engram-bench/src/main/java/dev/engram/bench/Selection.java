package dev.engram.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Which questions of a file a run asks: those of the chosen categories, then a seeded random
 * sample of them (if asked), then the first {@code limit} in file order. A limit beyond the data
 * simply takes everything.
 *
 * @param categories category filters; empty means all. A filter matches a category label
 *     case-insensitively as a whole ({@code 1 multi-hop}), by its number ({@code 1}) or by its
 *     name ({@code multi-hop})
 * @param sample questions to draw at random, or 0 for no sampling
 * @param limit most questions to ask, at least 1 ({@link Integer#MAX_VALUE}: no limit)
 * @param seed seeds the sampling
 */
record Selection(Set<String> categories, int sample, int limit, long seed) {
  Selection {
    categories = Set.copyOf(categories);
    if (sample < 0) {
      throw new IllegalArgumentException("sample must not be negative, was " + sample);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
  }

  /** Whether a question of category {@code label} passes the category filter. */
  boolean accepts(String label) {
    if (categories.isEmpty()) {
      return true;
    }
    String lower = label.toLowerCase(Locale.ROOT);
    int space = lower.indexOf(' ');
    for (String filter : categories) {
      String f = filter.strip().toLowerCase(Locale.ROOT);
      if (f.equals(lower) || (space > 0
          && (f.equals(lower.substring(0, space)) || f.equals(lower.substring(space + 1))))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The positions (0-based, ascending) of the chosen questions among {@code labels}, the category
   * labels of every question of the file in file order.
   */
  List<Integer> choose(List<String> labels) {
    List<Integer> eligible = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      if (accepts(labels.get(i))) {
        eligible.add(i);
      }
    }
    if (sample > 0 && sample < eligible.size()) {
      eligible = sampled(eligible);
    }
    return eligible.subList(0, Math.min(limit, eligible.size()));
  }

  private List<Integer> sampled(List<Integer> eligible) {
    // A partial Fisher-Yates shuffle: the first `sample` slots are a uniform sample.
    List<Integer> pool = new ArrayList<>(eligible);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < sample; i++) {
      int j = i + random.nextInt(pool.size() - i);
      Integer swap = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, swap);
    }
    List<Integer> chosen = new ArrayList<>(pool.subList(0, sample));
    chosen.sort(null);
    return chosen;
  }

  /** A predicate over positions: whether position {@code i} was chosen. */
  static Predicate<Integer> membership(List<Integer> chosen) {
    Set<Integer> set = Set.copyOf(chosen);
    return set::contains;
  }
}
