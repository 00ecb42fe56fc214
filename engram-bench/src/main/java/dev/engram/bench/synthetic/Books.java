package dev.engram.bench.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds and loads the books a generator draws from: the {@code .txt} files given (files or
 * directories), or by default {@code shared/data/books} found by walking up from the working
 * directory. Files load in name order so a seed means the same text everywhere.
 */
final class Books {
  /** Where the default books live, relative to some ancestor of the working directory. */
  static final Path DEFAULT_DIR = Path.of("shared", "data", "books");

  private Books() {}

  /**
   * Loads the books.
   *
   * @param given files or directories; empty means the default directory
   * @param workingDir where the walk up for the default starts
   * @throws IllegalArgumentException if no book is found, naming where it looked
   */
  static List<Book> load(List<Path> given, Path workingDir) {
    List<Path> files = given.isEmpty() ? list(findDefault(workingDir)) : expand(given);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no .txt books in " + given);
    }
    return files.stream().map(Book::read).toList();
  }

  static Path findDefault(Path workingDir) {
    for (Path dir = workingDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(DEFAULT_DIR);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("no " + DEFAULT_DIR + " above " + workingDir.toAbsolutePath()
        + "; pass --books DIR or .txt files");
  }

  private static List<Path> expand(List<Path> given) {
    List<Path> files = new ArrayList<>();
    for (Path path : given) {
      if (Files.isDirectory(path)) {
        files.addAll(list(path));
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new IllegalArgumentException("--books: no such file or directory: " + path);
      }
    }
    return files;
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> p.getFileName().toString().endsWith(".txt"))
          .filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list books in " + dir + ": " + e.getMessage(), e);
    }
  }
}
