package dev.engram.datasets;

import dev.engram.EngramException;
import java.nio.file.Path;

/**
 * A dataset or chat-log file does not have the expected shape. The message names the file, the
 * 1-based line when the format is line-oriented or the parser knows it, the record and the field,
 * and says what was expected and what was found, e.g. {@code chat.jsonl:17: field 'role' must be
 * one of user, assistant, system, tool; was 'bot2'}.
 *
 * <p>I/O failures (missing or unreadable file) are not format errors: readers report them as
 * {@link java.io.UncheckedIOException} with the path in the message.
 */
public class DatasetFormatException extends EngramException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;
  private final String field;
  private final String detail;

  /**
   * @param file the file being read, not null
   * @param line the 1-based line of the problem, or 0 when unknown
   * @param field the field at fault (a JSON name or path such as {@code session_3[4].dia_id}), or
   *     null when the problem is not one field (bad JSON, bad encoding, unknown format)
   * @param detail what was expected and what was found, without the file and line
   */
  public DatasetFormatException(Path file, long line, String field, String detail) {
    this(file, line, field, detail, null);
  }

  /** As {@link #DatasetFormatException(Path, long, String, String)}, keeping the cause. */
  public DatasetFormatException(
      Path file, long line, String field, String detail, Throwable cause) {
    super(location(file, line) + ": " + detail, cause);
    this.file = file;
    this.line = line;
    this.field = field;
    this.detail = detail;
  }

  private static String location(Path file, long line) {
    String name = String.valueOf(file);
    return line > 0 ? name + ":" + line : name;
  }

  /** The file being read, as the caller named it. */
  public Path file() {
    return file;
  }

  /** The 1-based line of the problem, or 0 when unknown. */
  public long line() {
    return line;
  }

  /** The field at fault, or null when the problem is not one field. */
  public String field() {
    return field;
  }

  /** The message without the file and line prefix. */
  public String detail() {
    return detail;
  }
}
