package dev.engram.bench.synthetic;

import dev.engram.model.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A book's body as paragraphs: the Project Gutenberg header (through the {@code *** START OF}
 * line) and footer (from the {@code *** END OF} line) dropped, hard-wrapped lines joined, blank
 * lines separating paragraphs. A file without the markers is taken whole.
 *
 * @param name the file name, for reports
 * @param paragraphs non-blank paragraphs in reading order; at least one
 */
record Book(String name, List<String> paragraphs) {
  Book {
    Require.nonBlank(name, "name");
    paragraphs = List.copyOf(paragraphs);
    if (paragraphs.isEmpty()) {
      throw new IllegalArgumentException("book " + name + " has no text after its header");
    }
  }

  /**
   * Reads a UTF-8 text file.
   *
   * @throws UncheckedIOException if it cannot be read
   * @throws IllegalArgumentException if it holds no text between the markers
   */
  static Book read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return new Book(file.getFileName().toString(), paragraphs(body(text)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read book " + file + ": " + e.getMessage(), e);
    }
  }

  /** The lines between the Gutenberg markers; all lines when a marker is missing. */
  static List<String> body(String text) {
    String[] lines = text.replace("\uFEFF", "").split("\r?\n", -1);
    int from = 0;
    int to = lines.length;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("*** START OF")) {
        from = i + 1;
      } else if (lines[i].startsWith("*** END OF")) {
        to = i;
        break;
      }
    }
    return List.of(lines).subList(Math.min(from, to), to);
  }

  /** Joins runs of non-blank lines into paragraphs with single spaces. */
  static List<String> paragraphs(List<String> lines) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      String stripped = line.strip();
      if (stripped.isEmpty()) {
        flush(current, out);
      } else {
        current.append(current.length() == 0 ? "" : " ").append(stripped);
      }
    }
    flush(current, out);
    return out;
  }

  private static void flush(StringBuilder current, List<String> out) {
    if (current.length() > 0) {
      out.add(current.toString());
      current.setLength(0);
    }
  }

  /** Characters of all paragraphs. */
  long chars() {
    return paragraphs.stream().mapToLong(String::length).sum();
  }
}
