package dev.engram.bench.synthetic;

import dev.engram.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Distinct book sentences of 6 to 80 words, in a seeded order: the real texts of the scale run
 * (items and held-out queries). Stateless.
 */
final class RealSentences {
  static final int MIN_WORDS = 6;
  static final int MAX_WORDS = 80;

  private RealSentences() {}

  /**
   * Up to {@code count} distinct sentences in a seeded order; fewer when the books hold fewer.
   */
  static List<String> sample(List<Book> books, int count, SplittableRandom random) {
    Set<String> distinct = new LinkedHashSet<>();
    for (Book book : books) {
      for (String paragraph : book.paragraphs()) {
        for (String sentence : SentenceSplitter.sentences(paragraph)) {
          int words = sentence.split("\\s+").length;
          if (words >= MIN_WORDS && words <= MAX_WORDS) {
            distinct.add(sentence);
          }
        }
      }
    }
    List<String> all = new ArrayList<>(distinct);
    for (int i = all.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      all.set(j, all.set(i, all.get(j)));
    }
    return List.copyOf(all.subList(0, Math.min(count, all.size())));
  }
}
