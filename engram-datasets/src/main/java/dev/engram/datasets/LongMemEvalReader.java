package dev.engram.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.model.Message;
import dev.engram.model.Role;
import dev.engram.model.Session;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads LongMemEval files in the official shape ({@code longmemeval_s_cleaned.json}, {@code
 * longmemeval_m_cleaned.json}, {@code longmemeval_oracle.json} and their splits), plain or gzipped
 * (detected by the magic bytes, not the name): a JSON array of questions, each
 *
 * <pre>{@code
 * {"question_id": "7f3a9c21", "question_type": "single-session-user",
 *  "question": "Which city did I move to?", "answer": "Lisbon",
 *  "question_date": "2023/06/02 (Fri) 09:15",
 *  "haystack_session_ids": ["chat_17", ...], "haystack_dates": ["2023/05/20 (Sat) 07:47", ...],
 *  "haystack_sessions": [[{"role": "user", "content": "...", "has_answer": true}, ...], ...],
 *  "answer_session_ids": ["answer_5b2e"]}
 * }</pre>
 *
 * <p>Each becomes a {@link LongMemEvalItem}: sessions keep the haystack's order and ids and start
 * at their dates (read as UTC; the weekday in parentheses is ignored); each message's id is {@code
 * <sessionId>:<turnIndex>} (0-based) and its time the session's start. Oddities of the real data
 * handled here: a session id repeated within one haystack (6 items of the S dev file repeat an
 * identical session at another date) gets {@code #2}, {@code #3}... on its later copies, because
 * session ids must be unique; turns with empty content (6 in the S dev file) are skipped but keep
 * their index, so ids stay aligned with the file; numeric answers are returned as text.
 *
 * <p><b>Errors:</b> a missing or mistyped field, an unknown role, an unreadable date, or id, date
 * and session lists of different lengths throw {@link DatasetFormatException} naming the file, the
 * question id and the field. Items before the bad one have already been passed to the consumer of
 * {@link #forEach}. Missing or unreadable files throw {@link java.io.UncheckedIOException} naming
 * the path.
 *
 * <p><b>Memory:</b> records are parsed one at a time with Jackson's streaming parser, so {@link
 * #forEach} holds one question and its haystack (about 1 MB of text for the S split) whatever the
 * file size; {@link #readAll} holds them all (the S dev file's 250 items are ~130 MB of JSON; the M
 * split does not fit a default heap). Stateless and thread-safe.
 */
public final class LongMemEvalReader {
  /** An example of the official date form, for error messages. */
  static final String DATE_EXAMPLE = "2023/05/20 (Sat) 02:21";

  private static final Pattern DATE =
      Pattern.compile(
          "(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})(?:\\s*\\(\\s*[A-Za-z]+\\.?\\s*\\))?"
              + "(?:[\\sT]+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");

  private LongMemEvalReader() {}

  /** All items of {@code file}, in file order; see {@link #readAll(Path, int)}. */
  public static List<LongMemEvalItem> readAll(Path file) {
    return readAll(file, Integer.MAX_VALUE);
  }

  /**
   * The first {@code limit} items of {@code file}, in file order; the rest of the file is not read.
   *
   * @param limit how many items at most, at least 0
   * @throws DatasetFormatException if the file is not LongMemEval JSON
   * @throws java.io.UncheckedIOException if it cannot be read
   */
  public static List<LongMemEvalItem> readAll(Path file, int limit) {
    List<LongMemEvalItem> items = new ArrayList<>();
    forEach(file, limit, items::add);
    return items;
  }

  /** Passes all items of the file to {@code sink}; see {@link #forEach(Path, int, Consumer)}. */
  public static int forEach(Path file, Consumer<? super LongMemEvalItem> sink) {
    return forEach(file, Integer.MAX_VALUE, sink);
  }

  /**
   * Passes the first {@code limit} items of {@code file} to {@code sink}, each as soon as it is
   * parsed, in file order. An error in a later item is thrown after the earlier ones were passed
   * on.
   *
   * @param limit how many items at most, at least 0
   * @return the number of items passed to {@code sink}
   * @throws DatasetFormatException if the file is not LongMemEval JSON
   * @throws java.io.UncheckedIOException if it cannot be read
   */
  public static int forEach(Path file, int limit, Consumer<? super LongMemEvalItem> sink) {
    return JsonArrayReader.forEach(
        file,
        "LongMemEval questions",
        limit,
        (node, index, line) ->
            sink.accept(item(new JsonRecord(file, line, "item " + index, node))));
  }

  private static LongMemEvalItem item(JsonRecord unnamed) {
    String questionId = unnamed.scalarText("question_id");
    if (questionId == null || questionId.isBlank()) {
      throw unnamed.fail("question_id", "is missing");
    }
    JsonRecord record = unnamed.withContext("question '" + questionId + "'");
    String answer = record.scalarText("answer");
    if (answer == null) {
      throw record.fail("answer", "is missing");
    }
    JsonNode ids = record.array("haystack_session_ids");
    JsonNode dates = record.array("haystack_dates");
    JsonNode haystack = record.array("haystack_sessions");
    if (ids.size() != haystack.size() || dates.size() != haystack.size()) {
      throw record.fail(
          "haystack_sessions",
          "has " + haystack.size() + " sessions but haystack_session_ids has " + ids.size()
              + " and haystack_dates has " + dates.size() + "; they must match one to one");
    }
    List<Session> sessions = new ArrayList<>(haystack.size());
    Set<String> evidenceTurns = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < haystack.size(); i++) {
      String id = string(record, "haystack_session_ids[" + i + "]", ids.get(i));
      int copy = seen.merge(id, 1, Integer::sum);
      String sessionId = copy == 1 ? id : id + "#" + copy;
      Instant start = date(record, "haystack_dates[" + i + "]", dates.get(i));
      Session session = session(record, i, sessionId, start, haystack.get(i), evidenceTurns);
      if (session != null) {
        sessions.add(session);
      }
    }
    Set<String> evidenceSessions = new LinkedHashSet<>();
    if (record.has("answer_session_ids")) {
      JsonNode answerIds = record.array("answer_session_ids");
      for (int i = 0; i < answerIds.size(); i++) {
        evidenceSessions.add(string(record, "answer_session_ids[" + i + "]", answerIds.get(i)));
      }
    }
    return new LongMemEvalItem(
        questionId,
        record.text("question_type"),
        record.text("question"),
        answer,
        date(record, "question_date", record.node().get("question_date")),
        sessions,
        evidenceSessions,
        evidenceTurns,
        questionId.endsWith("_abs"));
  }

  /** The session, or null if all its turns are empty; adds its evidence turns' ids. */
  private static Session session(
      JsonRecord record,
      int index,
      String id,
      Instant start,
      JsonNode turns,
      Set<String> evidence) {
    String field = "haystack_sessions[" + index + "]";
    if (!turns.isArray()) {
      throw record.fail(field, "must be an array of turns, was " + JsonRecord.describe(turns));
    }
    List<Message> messages = new ArrayList<>(turns.size());
    for (int t = 0; t < turns.size(); t++) {
      JsonRecord turn = record.nested(field + "[" + t + "]", turns.get(t));
      String roleName = turn.text("role");
      Role role;
      try {
        role = Role.parse(roleName);
      } catch (IllegalArgumentException e) {
        throw turn.fail(
            "role", "must be one of user, assistant, system, tool; was '" + roleName + "'", e);
      }
      String content = turn.string("content");
      if (content.isBlank()) {
        continue;
      }
      String messageId = id + ":" + t;
      try {
        messages.add(new Message(messageId, role, content, start));
      } catch (IllegalArgumentException e) {
        throw turn.fail("content", e.getMessage(), e);
      }
      if (hasAnswer(turn)) {
        evidence.add(messageId);
      }
    }
    if (messages.isEmpty()) {
      return null;
    }
    try {
      return new Session(id, start, messages);
    } catch (IllegalArgumentException e) {
      throw record.fail("haystack_session_ids[" + index + "]", e.getMessage(), e);
    }
  }

  private static boolean hasAnswer(JsonRecord turn) {
    JsonNode value = turn.node().get("has_answer");
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw turn.fail("has_answer", "must be true or false, was " + JsonRecord.describe(value));
    }
    return value.booleanValue();
  }

  private static String string(JsonRecord record, String field, JsonNode value) {
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw record.fail(field, "must be a non-blank string, was " + JsonRecord.describe(value));
    }
    return value.asText();
  }

  private static Instant date(JsonRecord record, String field, JsonNode value) {
    String text = string(record, field, value);
    try {
      return parseDate(text);
    } catch (DateTimeException e) {
      throw record.fail(
          field,
          "is not a date like '" + DATE_EXAMPLE + "'; was '" + JsonRecord.clip(text) + "'",
          e);
    }
  }

  /**
   * {@code 2023/05/20 (Sat) 02:21} as UTC; the weekday is optional and ignored, the time optional
   * (midnight), seconds allowed, {@code -} accepted for {@code /}.
   */
  static Instant parseDate(String text) {
    Matcher matcher = DATE.matcher(text.strip());
    if (!matcher.matches()) {
      throw new DateTimeException("not a LongMemEval date: " + text);
    }
    LocalDate day =
        LocalDate.of(
            Integer.parseInt(matcher.group(1)),
            Integer.parseInt(matcher.group(2)),
            Integer.parseInt(matcher.group(3)));
    LocalDateTime time =
        matcher.group(4) == null
            ? day.atStartOfDay()
            : day.atTime(
                Integer.parseInt(matcher.group(4)),
                Integer.parseInt(matcher.group(5)),
                matcher.group(6) == null ? 0 : Integer.parseInt(matcher.group(6)));
    return time.toInstant(ZoneOffset.UTC);
  }
}
