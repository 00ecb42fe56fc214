package dev.engram.datasets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens dataset files, plain or gzipped. Gzip is recognised by its magic bytes, not by the file
 * name, so {@code data.json} that is really gzipped and {@code data.json.gz} that is not both work.
 */
final class DatasetInput {
  private static final int BUFFER_BYTES = 1 << 16;

  private DatasetInput() {}

  /** An input stream over the (decompressed) content; the caller closes it. */
  static InputStream open(Path file) {
    try {
      InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
      if (startsWithGzipMagic(in)) {
        return new BufferedInputStream(new GZIPInputStream(in, BUFFER_BYTES), BUFFER_BYTES);
      }
      return in;
    } catch (IOException e) {
      throw ioError(file, e);
    }
  }

  /** True if the file starts with the gzip magic bytes {@code 1f 8b}. */
  static boolean isGzip(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 2)) {
      return startsWithGzipMagic(in);
    } catch (IOException e) {
      throw ioError(file, e);
    }
  }

  private static boolean startsWithGzipMagic(InputStream in) throws IOException {
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == 0x1f && second == 0x8b;
  }

  /** Checks that {@code file} exists and is a regular file, naming the path if not. */
  static void requireRegularFile(Path file) {
    if (Files.isDirectory(file)) {
      throw new UncheckedIOException(
          "not a file but a directory: " + file.toAbsolutePath(),
          new IOException(file + " is a directory"));
    }
    if (!Files.exists(file)) {
      throw ioError(file, new NoSuchFileException(file.toString()));
    }
  }

  /** An unchecked I/O error whose message names the path and the problem in plain words. */
  static UncheckedIOException ioError(Path file, IOException e) {
    Path shown = file.toAbsolutePath();
    if (e instanceof NoSuchFileException) {
      return new UncheckedIOException("file not found: " + shown, e);
    }
    if (e instanceof AccessDeniedException) {
      return new UncheckedIOException("cannot read " + shown + ": access denied", e);
    }
    String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return new UncheckedIOException("cannot read " + shown + ": " + why, e);
  }
}
