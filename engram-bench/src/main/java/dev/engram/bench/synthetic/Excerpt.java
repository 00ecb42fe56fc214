package dev.engram.bench.synthetic;

import dev.engram.model.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A run of consecutive words from one book, for sequence-order probes. Words are the book's
 * whitespace-separated tokens, so a segment's text is the excerpt's words joined by single spaces
 * and appears verbatim in the excerpt's text.
 *
 * @param id names it in results and as the remembered document
 * @param book the book's file name
 * @param words at least one word
 */
record Excerpt(String id, String book, List<String> words) {
  Excerpt {
    Require.nonBlank(id, "id");
    words = List.copyOf(words);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("excerpt " + id + " has no words");
    }
  }

  /**
   * Takes {@code wanted} words from a seeded paragraph of {@code book}, or the whole book when it
   * is shorter.
   */
  static Excerpt from(String id, Book book, int wanted, SplittableRandom random) {
    List<List<String>> paragraphs = new ArrayList<>();
    for (String paragraph : book.paragraphs()) {
      paragraphs.add(List.of(paragraph.strip().split("\\s+")));
    }
    int[] after = new int[paragraphs.size() + 1];
    for (int p = paragraphs.size() - 1; p >= 0; p--) {
      after[p] = after[p + 1] + paragraphs.get(p).size();
    }
    int starts = 0;
    while (starts < paragraphs.size() && after[starts] >= wanted) {
      starts++;
    }
    int start = starts == 0 ? 0 : random.nextInt(starts);
    List<String> words = new ArrayList<>();
    for (int p = start; p < paragraphs.size() && words.size() < wanted; p++) {
      for (String word : paragraphs.get(p)) {
        if (words.size() < wanted) {
          words.add(word);
        }
      }
    }
    return new Excerpt(id, book.name(), words);
  }

  /** The words joined by single spaces. */
  String text() {
    return String.join(" ", words);
  }

  /** Words {@code [from, from + count)} joined by single spaces. */
  String segment(int from, int count) {
    return String.join(" ", words.subList(from, from + count));
  }
}
