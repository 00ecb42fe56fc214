package dev.engram.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines of a byte stream, each decoded as strict UTF-8 on its own. A {@code BufferedReader} decodes
 * ahead of the line being returned, so a bad byte on line 9 would surface while reading line 1;
 * decoding line by line keeps the reported line exact and the lines before it usable. Lines end at
 * {@code \n}; a preceding {@code \r} is dropped. Not thread-safe.
 */
final class Utf8Lines implements Closeable {
  private final InputStream in;
  private final int maxLineBytes;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] line = new byte[256];

  /** Thrown for a line longer than the limit; the caller reports it with the line number. */
  static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;

    LineTooLongException(int maxLineBytes) {
      super("line is longer than " + maxLineBytes + " bytes");
    }
  }

  Utf8Lines(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * The next line without its terminator, or null at the end of the stream.
   *
   * @throws CharacterCodingException if the line is not valid UTF-8 (the stream stays positioned
   *     after that line)
   * @throws LineTooLongException if the line exceeds the limit
   */
  String next() throws IOException {
    int length = 0;
    int b = in.read();
    if (b < 0) {
      return null;
    }
    boolean tooLong = false;
    while (b >= 0 && b != '\n') {
      if (length == maxLineBytes) {
        tooLong = true;
      } else {
        if (length == line.length) {
          line = Arrays.copyOf(line, (int) Math.min((long) length * 2, maxLineBytes));
        }
        line[length++] = (byte) b;
      }
      b = in.read();
    }
    if (tooLong) {
      throw new LineTooLongException(maxLineBytes);
    }
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    return decoder.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
