package dev.engram.retain;

import dev.engram.text.Terms;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Salience without model weights (research.md F2): a word's salience is its self-information in
 * a corpus, {@code sal(w) = -ln((c(w) + a) / (N + a|V|))} with {@code a = 1}; a text's salience
 * is the mean of its top {@value #TOP_WORDS} word saliences. Rare, specific words ("Lisbon",
 * "beagle") score high, filler low. Immutable and thread-safe once built.
 */
public final class Salience {
  /** How many of a text's most salient words make its salience (F2's m). */
  public static final int TOP_WORDS = 8;
  private static final double ALPHA = 1.0;

  private final Map<String, Integer> counts;
  private final long totalWords;

  private Salience(Map<String, Integer> counts, long totalWords) {
    this.counts = counts;
    this.totalWords = totalWords;
  }

  /** The word statistics of {@code texts} (analysed with {@link Terms}). */
  public static Salience of(Collection<String> texts) {
    return ofTerms(texts.stream().map(Terms::of).toList());
  }

  /** Like {@link #of}, for texts already analysed: each element is one text's {@link Terms#of}. */
  public static Salience ofTerms(Collection<? extends Collection<String>> analysed) {
    Map<String, Integer> counts = new HashMap<>();
    long total = 0;
    for (Collection<String> terms : analysed) {
      for (String term : terms) {
        counts.merge(term, 1, Integer::sum);
        total++;
      }
    }
    return new Salience(counts, total);
  }

  /** The salience of one analysed term; unseen terms get the highest. */
  public double word(String term) {
    int count = counts.getOrDefault(term, 0);
    return -Math.log((count + ALPHA) / (totalWords + ALPHA * Math.max(1, counts.size())));
  }

  /** The mean of the top {@value #TOP_WORDS} word saliences of {@code text}; 0 if it has none. */
  public double text(String text) {
    return terms(Terms.of(text));
  }

  /** Like {@link #text}, for a text already analysed with {@link Terms#of}. */
  public double terms(Collection<String> analysed) {
    List<Double> scores = new ArrayList<>();
    for (String term : new java.util.LinkedHashSet<>(analysed)) {
      scores.add(word(term));
    }
    if (scores.isEmpty()) {
      return 0;
    }
    scores.sort((a, b) -> Double.compare(b, a));
    int m = Math.min(TOP_WORDS, scores.size());
    double sum = 0;
    for (int i = 0; i < m; i++) {
      sum += scores.get(i);
    }
    return sum / m;
  }
}
