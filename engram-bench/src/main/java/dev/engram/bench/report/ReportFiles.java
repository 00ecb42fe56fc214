package dev.engram.bench.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A report directory that never presents an unfinished run as finished. {@link #start} removes
 * the report files of an earlier run there and writes a {@value #PARTIAL} marker; files are
 * written under temporary names ({@code .<name>.tmp}); {@link #commit} renames them into place
 * ({@value #REPORT_JSON} last) and only then deletes the marker. A run that dies leaves the marker
 * and no {@value #REPORT_JSON}. One thread.
 */
public final class ReportFiles {
  /** The marker of a run that has not completed. */
  public static final String PARTIAL = "PARTIAL";
  /** The machine-readable report; present only for completed runs. */
  public static final String REPORT_JSON = "report.json";

  private static final List<String> OWN_FILES = List.of(REPORT_JSON, "report.md",
      "questions.jsonl", "recall-at-k.png", "in-context.png", "latency.png");

  private final Path dir;
  private final List<String> pending = new ArrayList<>();

  private ReportFiles(Path dir) {
    this.dir = dir;
  }

  /**
   * Prepares {@code dir} (created if absent) for a new run.
   *
   * @throws UncheckedIOException if it cannot be created or written
   */
  public static ReportFiles start(Path dir, String command) {
    try {
      Files.createDirectories(dir);
      for (String name : OWN_FILES) {
        Files.deleteIfExists(dir.resolve(name));
      }
      Files.writeString(dir.resolve(PARTIAL), "This run has not completed: started "
          + Instant.now() + " by: " + command + "\n", StandardCharsets.UTF_8);
      return new ReportFiles(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare report directory " + dir, e);
    }
  }

  /** The directory. */
  public Path dir() {
    return dir;
  }

  /** A writer to the temporary form of {@code name}; it is renamed on {@link #commit}. */
  public BufferedWriter writer(String name) {
    try {
      pending.add(name);
      return Files.newBufferedWriter(temp(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + temp(name), e);
    }
  }

  /** Writes {@code bytes} as the temporary form of {@code name}. */
  public void write(String name, byte[] bytes) {
    try {
      Files.write(temp(name), bytes);
      pending.add(name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + temp(name), e);
    }
  }

  /** Renames every written file into place, {@value #REPORT_JSON} last, then removes the marker. */
  public void commit() {
    List<String> order = new ArrayList<>(pending);
    if (order.remove(REPORT_JSON)) {
      order.add(REPORT_JSON);
    }
    try {
      for (String name : order) {
        Files.move(temp(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
      Files.deleteIfExists(dir.resolve(PARTIAL));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot finish the report in " + dir, e);
    }
  }

  private Path temp(String name) {
    return dir.resolve("." + name + ".tmp");
  }
}
