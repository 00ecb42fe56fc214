package dev.engram.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.model.Message;
import dev.engram.model.Require;
import dev.engram.model.Role;
import dev.engram.model.Session;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads chat logs in JSON Lines: one JSON object per line,
 *
 * <pre>{@code
 * {"session": "s1", "role": "user", "content": "I moved.", "time": "2024-05-01T10:00:00Z"}
 * {"session": "s1", "role": "assistant", "content": "Welcome to Lisbon!", "id": "t2"}
 * }</pre>
 *
 * <p>{@code session}, {@code role} (user, assistant, system, tool; see {@link Role#parse}) and
 * {@code content} are required; {@code time} is optional and is an ISO-8601 instant ({@code
 * 2024-05-01T10:00:00Z}, or with an offset), or a local date-time or date taken as UTC; {@code id}
 * is optional and becomes the message id. Other fields are ignored. Blank lines are skipped. Lines
 * of one session are grouped into one {@link Session} in file order, even when other sessions'
 * lines come between them; sessions come in order of first appearance. A session starts at the
 * earliest time among its messages, or has no start when none has a time.
 *
 * <p><b>Errors.</b> Reading stops at the first malformed line (not JSON, not an object, a field
 * missing, blank or of the wrong type, an unknown role, a bad time, bytes that are not UTF-8). The
 * result then holds that error and the sessions built from the good lines before it, so a caller
 * can keep those and report {@code "error at line N; M lines before it were read"}. Sessions cut
 * by the error hold only their lines before it. I/O failures (missing file) throw {@link
 * java.io.UncheckedIOException} instead, naming the path.
 *
 * <p>The file is read line by line (plain or gzipped, detected by content); memory holds the
 * sessions read so far. Stateless and thread-safe.
 */
public final class ChatLogReader {
  /**
   * Longest accepted line, in bytes: room for a message of {@link Message#MAX_CHARS} characters
   * even when JSON escapes every one of them, and a bound on memory for a file without newlines.
   */
  static final int MAX_LINE_BYTES = 8 * Message.MAX_CHARS;

  /** Fails on a second value after the object, e.g. two records pasted on one line. */
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ChatLogReader() {}

  /**
   * The outcome of reading a chat log.
   *
   * @param sessions the sessions built from the lines before the first error (all lines if none)
   * @param firstError the first malformed line, or null if every line was good
   * @param goodLines the number of non-blank lines read into {@code sessions}
   */
  public record ParseResult(
      List<Session> sessions, DatasetFormatException firstError, int goodLines) {
    public ParseResult {
      sessions = List.copyOf(Require.nonNull(sessions, "sessions"));
      if (goodLines < 0) {
        throw new IllegalArgumentException("goodLines must not be negative, was " + goodLines);
      }
    }

    /** True if every line was read. */
    public boolean complete() {
      return firstError == null;
    }

    /**
     * The sessions if every line was read.
     *
     * @throws DatasetFormatException the first error, if there was one
     */
    public List<Session> sessionsOrThrow() {
      if (firstError != null) {
        throw firstError;
      }
      return sessions;
    }
  }

  /**
   * Reads a chat log up to its end or its first malformed line.
   *
   * @param file a JSON Lines file, plain or gzipped
   * @return the sessions of the good lines before the first error, and that error if any
   * @throws java.io.UncheckedIOException if the file cannot be read (the message names the path)
   */
  public static ParseResult read(Path file) {
    DatasetInput.requireRegularFile(file);
    Map<String, List<Message>> bySession = new LinkedHashMap<>();
    int goodLines = 0;
    long lineNumber = 0;
    try (Utf8Lines lines = new Utf8Lines(DatasetInput.open(file), MAX_LINE_BYTES)) {
      while (true) {
        String line;
        try {
          line = lines.next();
        } catch (CharacterCodingException | Utf8Lines.LineTooLongException e) {
          String problem =
              e instanceof CharacterCodingException
                  ? "bytes are not valid UTF-8"
                  : e.getMessage();
          DatasetFormatException error =
              new DatasetFormatException(file, lineNumber + 1, null, problem, e);
          return result(bySession, error, goodLines);
        }
        if (line == null) {
          break;
        }
        lineNumber++;
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        try {
          Line parsed = parseLine(file, lineNumber, line);
          bySession
              .computeIfAbsent(parsed.session(), key -> new ArrayList<>())
              .add(parsed.message());
          goodLines++;
        } catch (DatasetFormatException e) {
          return result(bySession, e, goodLines);
        }
      }
    } catch (IOException e) {
      throw DatasetInput.ioError(file, e);
    }
    return result(bySession, null, goodLines);
  }

  private record Line(String session, Message message) {}

  private static Line parseLine(Path file, long lineNumber, String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new DatasetFormatException(
          file, lineNumber, null, "not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new DatasetFormatException(
          file, lineNumber, null, "expected a JSON object, found " + JsonRecord.describe(node));
    }
    JsonRecord record = new JsonRecord(file, lineNumber, null, node);
    String session = record.text("session");
    try {
      Require.identifier(session, "session");
    } catch (IllegalArgumentException e) {
      throw record.fail("session", "is not a usable id: " + e.getMessage(), e);
    }
    String roleName = record.text("role");
    Role role;
    try {
      role = Role.parse(roleName);
    } catch (IllegalArgumentException e) {
      throw record.fail(
          "role", "must be one of user, assistant, system, tool; was '" + roleName + "'", e);
    }
    String content = record.text("content");
    if (content.length() > Message.MAX_CHARS) {
      throw record.fail(
          "content",
          "must be at most " + Message.MAX_CHARS + " characters, was " + content.length());
    }
    String id = record.optionalText("id");
    String timeText = record.optionalText("time");
    Instant time = timeText == null ? null : parseTime(record, timeText);
    return new Line(session, new Message(id, role, content, time));
  }

  /** An ISO-8601 instant or offset date-time; a local date-time or date is taken as UTC. */
  static Instant parseTime(JsonRecord record, String text) {
    String value = text.strip();
    if (value.length() > 10 && value.charAt(10) == ' ') {
      value = value.substring(0, 10) + 'T' + value.substring(11);
    }
    try {
      if (value.length() <= 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (value.endsWith("Z") || value.endsWith("z")) {
        return Instant.parse(value.substring(0, value.length() - 1) + "Z");
      }
      if (hasOffset(value)) {
        return OffsetDateTime.parse(value).toInstant();
      }
      return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw record.fail(
          "time",
          "must be an ISO-8601 instant like 2024-05-01T10:00:00Z, a local date-time or a date;"
              + " was '"
              + JsonRecord.clip(text)
              + "'",
          e);
    }
  }

  private static boolean hasOffset(String value) {
    int timeStart = value.indexOf('T');
    if (timeStart < 0) {
      return false;
    }
    String timePart = value.substring(timeStart);
    return timePart.indexOf('+') >= 0 || timePart.indexOf('-') >= 0;
  }

  private static ParseResult result(
      Map<String, List<Message>> bySession, DatasetFormatException error, int goodLines) {
    List<Session> sessions = new ArrayList<>(bySession.size());
    for (Map.Entry<String, List<Message>> entry : bySession.entrySet()) {
      sessions.add(new Session(entry.getKey(), earliest(entry.getValue()), entry.getValue()));
    }
    return new ParseResult(sessions, error, goodLines);
  }

  private static Instant earliest(List<Message> messages) {
    Instant earliest = null;
    for (Message message : messages) {
      if (message.time() != null && (earliest == null || message.time().isBefore(earliest))) {
        earliest = message.time();
      }
    }
    return earliest;
  }
}
