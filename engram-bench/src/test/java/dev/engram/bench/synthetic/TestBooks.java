package dev.engram.bench.synthetic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes small books for tests, in the Project Gutenberg layout (header, body between the markers,
 * footer, hard-wrapped lines, CRLF), made of seeded pseudo-words so every six-word run is unique
 * and no needle word occurs by chance. Tests never read the real books.
 */
final class TestBooks {
  static final String HEADER_WORD = "Headerjunk";
  static final String FOOTER_WORD = "Footerjunk";
  private static final List<String> SYLLABLES = List.of(
      "ka", "lo", "mi", "ne", "ru", "ta", "vi", "so", "pe", "du", "fa", "gi", "ho", "ju", "be",
      "zo", "ri", "wa", "ce", "ny", "qua", "tor", "mel", "dra", "sin", "bal", "fen", "gor", "lis",
      "pra");

  private TestBooks() {}

  /** Writes {@code count} books of {@code sentences} sentences each into {@code dir}. */
  static List<Path> write(Path dir, int count, int sentences) throws IOException {
    Path[] books = new Path[count];
    for (int b = 0; b < count; b++) {
      books[b] = dir.resolve("book-" + b + ".txt");
      Files.writeString(books[b], book(new SplittableRandom(1000 + b), sentences),
          StandardCharsets.UTF_8);
    }
    return List.of(books);
  }

  static String book(SplittableRandom random, int sentences) {
    StringBuilder text = new StringBuilder("\uFEFFThe Project Gutenberg eBook " + HEADER_WORD
        + "\r\n\r\n*** START OF THE PROJECT GUTENBERG EBOOK TEST ***\r\n\r\n");
    StringBuilder line = new StringBuilder();
    for (int s = 0; s < sentences; s++) {
      for (String word : sentence(random).split(" ")) {
        if (line.length() + word.length() > 70) {
          text.append(line.toString().strip()).append("\r\n");
          line.setLength(0);
        }
        line.append(word).append(' ');
      }
      if (s % 5 == 4) {
        text.append(line.toString().strip()).append("\r\n\r\n");
        line.setLength(0);
      }
    }
    text.append(line.toString().strip()).append("\r\n\r\n*** END OF THE PROJECT GUTENBERG EBOOK "
        + "TEST ***\r\n" + FOOTER_WORD + " licence text.\r\n");
    return text.toString();
  }

  private static String sentence(SplittableRandom random) {
    int words = 8 + random.nextInt(12);
    StringBuilder sentence = new StringBuilder();
    for (int w = 0; w < words; w++) {
      String word = word(random);
      sentence.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word)
          .append(w == words - 1 ? "." : " ");
    }
    return sentence.toString();
  }

  private static String word(SplittableRandom random) {
    int syllables = 2 + random.nextInt(2);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      word.append(SYLLABLES.get(random.nextInt(SYLLABLES.size())));
    }
    return word.toString();
  }
}
