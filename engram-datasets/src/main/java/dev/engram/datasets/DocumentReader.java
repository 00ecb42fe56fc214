package dev.engram.datasets;

import dev.engram.model.Document;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a text or Markdown file ({@code .txt}, {@code .md}; plain or gzipped, detected by content)
 * as one {@link Document}: id = the file name, text = the whole content decoded as strict UTF-8
 * (a leading byte-order mark is dropped), time = the file's last-modified time. The text is kept
 * verbatim; Markdown is not rendered.
 *
 * <p><b>Errors:</b> {@link DatasetFormatException} for an empty or blank file, bytes that are not
 * UTF-8 (the message gives the byte offset) and files longer than {@link Document#MAX_CHARS}
 * characters; {@link java.io.UncheckedIOException} naming the path for missing or unreadable files.
 *
 * <p><b>Memory:</b> the whole text, at most {@link #MAX_BYTES} bytes read. Stateless and
 * thread-safe.
 */
public final class DocumentReader {
  /**
   * Most bytes read from one file: enough for {@link Document#MAX_CHARS} characters of any UTF-8
   * text; larger files are refused before they fill memory.
   */
  public static final long MAX_BYTES = 3L * Document.MAX_CHARS;

  private DocumentReader() {}

  /**
   * Reads {@code file} as one document.
   *
   * @throws DatasetFormatException if it is empty, not UTF-8 or too long
   * @throws java.io.UncheckedIOException if it does not exist or cannot be read
   */
  public static Document read(Path file) {
    DatasetInput.requireRegularFile(file);
    byte[] bytes = readBounded(file);
    String text = decode(file, bytes);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      throw new DatasetFormatException(
          file, 0, null, "the file is empty" + (bytes.length > 0 ? " (only whitespace)" : ""));
    }
    if (text.length() > Document.MAX_CHARS) {
      throw new DatasetFormatException(
          file,
          0,
          null,
          "the text must be at most " + Document.MAX_CHARS + " characters, was " + text.length());
    }
    try {
      return new Document(
          String.valueOf(file.getFileName()), text, Files.getLastModifiedTime(file).toInstant());
    } catch (IOException e) {
      throw DatasetInput.ioError(file, e);
    }
  }

  private static byte[] readBounded(Path file) {
    try (InputStream in = DatasetInput.open(file)) {
      byte[] bytes = in.readNBytes((int) Math.min(MAX_BYTES + 1, Integer.MAX_VALUE - 8));
      if (bytes.length > MAX_BYTES) {
        throw new DatasetFormatException(
            file, 0, null, "the file is too large: more than " + MAX_BYTES + " bytes of text");
      }
      return bytes;
    } catch (IOException e) {
      throw DatasetInput.ioError(file, e);
    }
  }

  private static String decode(Path file, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new DatasetFormatException(
          file,
          0,
          null,
          "the file is not UTF-8 text: invalid byte sequence at byte offset " + in.position()
              + " (save it as UTF-8)");
    }
    return out.flip().toString();
  }
}
