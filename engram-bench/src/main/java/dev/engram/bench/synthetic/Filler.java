package dev.engram.bench.synthetic;

import dev.engram.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Haystack filler: the books' sentences in a seeded order. Pass one starts at a seeded paragraph of
 * the first book of a seeded book order and reads on through the other books; when a haystack
 * needs more text than the books hold, later passes read every book again, each pass in a new
 * seeded order (so the largest haystacks repeat text, in a different arrangement). Immutable.
 */
final class Filler {
  private final List<Book> books;
  private final long seed;

  /** @param books at least one book */
  Filler(List<Book> books, long seed) {
    if (books.isEmpty()) {
      throw new IllegalArgumentException("books must not be empty");
    }
    this.books = List.copyOf(books);
    this.seed = seed;
  }

  /**
   * Sentences in reading order, at least {@code chars} characters with their separators and at
   * most one sentence more.
   */
  List<Unit> take(long chars) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Unit> out = new ArrayList<>();
    long length = 0;
    for (int pass = 0; length < chars; pass++) {
      List<Book> order = shuffled(random);
      int start = pass == 0 ? random.nextInt(order.get(0).paragraphs().size()) : 0;
      long before = length;
      for (int b = 0; b < order.size() && length < chars; b++) {
        List<String> paragraphs = order.get(b).paragraphs();
        for (int p = b == 0 ? start : 0; p < paragraphs.size() && length < chars; p++) {
          length += addParagraph(paragraphs.get(p), out, chars - length);
        }
      }
      if (length == before) {
        throw new IllegalStateException("the books hold no sentences");
      }
    }
    return out;
  }

  /** Adds the paragraph's sentences, stopping once {@code wanted} characters are added. */
  private static long addParagraph(String paragraph, List<Unit> out, long wanted) {
    List<String> sentences = SentenceSplitter.sentences(paragraph);
    long added = 0;
    for (int i = 0; i < sentences.size() && added < wanted; i++) {
      Unit unit = new Unit(sentences.get(i), i == sentences.size() - 1);
      out.add(unit);
      added += unit.length();
    }
    return added;
  }

  private List<Book> shuffled(SplittableRandom random) {
    List<Book> order = new ArrayList<>(books);
    for (int i = order.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      order.set(j, order.set(i, order.get(j)));
    }
    return order;
  }

  /**
   * One sentence of haystack text.
   *
   * @param text the sentence, non-blank
   * @param paragraphEnd whether a blank line follows it (else a space)
   */
  record Unit(String text, boolean paragraphEnd) {
    Unit {
      dev.engram.model.Require.nonBlank(text, "text");
    }

    /** The separator written after it. */
    String separator() {
      return paragraphEnd ? "\n\n" : " ";
    }

    /** Characters it takes in the text, separator included. */
    int length() {
      return text.length() + separator().length();
    }
  }
}
