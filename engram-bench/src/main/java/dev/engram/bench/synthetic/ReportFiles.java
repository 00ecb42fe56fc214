package dev.engram.bench.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes report files atomically: each goes to a temporary file in the same directory and is then
 * renamed over the target, so a reader (or an interrupted run) never sees half a report. The JSON
 * is written last by the commands, so its presence marks a complete run.
 */
final class ReportFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path dir;

  /** Reports under {@code dir}, created if absent. */
  ReportFiles(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create report directory " + dir + ": " + e, e);
    }
  }

  /**
   * Deletes an earlier run's file, so that if this run stops while writing, no complete-looking
   * JSON sits next to half of a new report. Call it first.
   */
  void retract(String name) {
    try {
      Files.deleteIfExists(dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove old report " + dir.resolve(name) + ": " + e, e);
    }
  }

  /** Writes {@code value} (records, lists, maps) as indented JSON; returns the path. */
  Path json(String name, Object value) {
    try {
      return write(name, JSON.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise " + name + ": " + e, e);
    }
  }

  /** Writes UTF-8 text; returns the path. */
  Path text(String name, String text) {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Renders a chart as PNG (headless); returns the path. */
  Path png(String name, Chart<?, ?> chart) {
    System.setProperty("java.awt.headless", "true");
    try {
      return write(name, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render chart " + name + ": " + e, e);
    }
  }

  private Path write(String name, byte[] bytes) {
    Path target = dir.resolve(name);
    Path temp = dir.resolve("." + name + ".tmp");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + target + ": " + e, e);
    }
  }
}
