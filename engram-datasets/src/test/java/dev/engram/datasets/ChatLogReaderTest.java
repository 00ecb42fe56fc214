package dev.engram.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.model.Message;
import dev.engram.model.Role;
import dev.engram.model.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatLogReaderTest {
  private static final String GOOD_LINE_1 =
      "{\"session\": \"s1\", \"role\": \"user\", \"content\": \"I moved to Lisbon.\"}";
  private static final String GOOD_LINE_2 =
      "{\"session\": \"s1\", \"role\": \"assistant\", \"content\": \"Welcome!\"}";

  @TempDir Path dir;

  @Test
  void should_group_lines_by_session_in_order_of_first_appearance() throws IOException {
    // given
    Path file = write("chat.jsonl", """
        {"session": "s1", "role": "user", "content": "I moved to Lisbon.", "time": "2024-05-01T10:00:00Z", "id": "u1"}
        {"session": "s2", "role": "user", "content": "Book a table for two."}

        {"session": "s1", "role": "assistant", "content": "Welcome to Lisbon!", "time": "2024-05-01T10:00:05Z"}
        {"session": "s2", "role": "ASSISTANT", "content": "Done.", "extra": 42}
           \s
        {"session": "s1", "role": "system", "content": "Be brief.", "time": "2024-05-01T09:59:00Z"}
        """);

    // when
    ChatLogReader.ParseResult result = ChatLogReader.read(file);

    // then
    assertThat(result.complete()).isTrue();
    assertThat(result.goodLines()).isEqualTo(5);
    assertThat(result.sessions()).extracting(Session::id).containsExactly("s1", "s2");
    Session s1 = result.sessions().get(0);
    assertThat(s1.messages()).extracting(Message::content)
        .containsExactly("I moved to Lisbon.", "Welcome to Lisbon!", "Be brief.");
    assertThat(s1.messages()).extracting(Message::role)
        .containsExactly(Role.USER, Role.ASSISTANT, Role.SYSTEM);
    assertThat(s1.messages()).extracting(Message::id).containsExactly("u1", null, null);
    assertThat(s1.messages().get(1).time()).isEqualTo(Instant.parse("2024-05-01T10:00:05Z"));
    assertThat(s1.start()).as("earliest message time").isEqualTo(Instant.parse("2024-05-01T09:59:00Z"));
    Session s2 = result.sessions().get(1);
    assertThat(s2.start()).isNull();
    assertThat(s2.messages()).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT);
    assertThat(result.sessionsOrThrow()).isEqualTo(result.sessions());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2024-05-01T10:00:00Z       | 2024-05-01T10:00:00Z",
      "2024-05-01T12:00:00+02:00  | 2024-05-01T10:00:00Z",
      "2024-05-01T05:00:00-05:00  | 2024-05-01T10:00:00Z",
      "2024-05-01T10:00:00.250Z   | 2024-05-01T10:00:00.250Z",
      "2024-05-01T10:00           | 2024-05-01T10:00:00Z",
      "2024-05-01 10:00:00        | 2024-05-01T10:00:00Z",
      "2024-05-01                 | 2024-05-01T00:00:00Z",
  })
  void should_read_instants_and_take_local_times_as_utc(String time, String expected)
      throws IOException {
    // given
    Path file = write("times.jsonl",
        "{\"session\": \"s\", \"role\": \"user\", \"content\": \"hi\", \"time\": \"" + time + "\"}\n");

    // when
    Message message = ChatLogReader.read(file).sessionsOrThrow().get(0).messages().get(0);

    // then
    assertThat(message.time()).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "bad JSON        | {\"session\": \"s1\", \"role\": \"user\", \"content\": | | not valid JSON",
      "two objects     | {\"session\": \"s1\", \"role\": \"user\", \"content\": \"x\"} {\"session\": \"s1\"} | | not valid JSON: Trailing token",
      "not an object   | [1, 2, 3]                                                  | | expected a JSON object, found an array",
      "missing session | {\"role\": \"user\", \"content\": \"x\"}               | session | field 'session' is missing",
      "blank session   | {\"session\": \" \", \"role\": \"user\", \"content\": \"x\"} | session | field 'session' must not be blank",
      "numeric session | {\"session\": 7, \"role\": \"user\", \"content\": \"x\"}  | session | field 'session' must be a string, was number 7",
      "missing role    | {\"session\": \"s1\", \"content\": \"x\"}              | role    | field 'role' is missing",
      "unknown role    | {\"session\": \"s1\", \"role\": \"bot2\", \"content\": \"x\"} | role | field 'role' must be one of user, assistant, system, tool; was 'bot2'",
      "missing content | {\"session\": \"s1\", \"role\": \"user\"}              | content | field 'content' is missing",
      "blank content   | {\"session\": \"s1\", \"role\": \"user\", \"content\": \"\"} | content | field 'content' must not be blank",
      "object content  | {\"session\": \"s1\", \"role\": \"user\", \"content\": {}} | content | field 'content' must be a string, was an object",
      "bad time        | {\"session\": \"s1\", \"role\": \"user\", \"content\": \"x\", \"time\": \"yesterday\"} | time | field 'time' must be an ISO-8601 instant like 2024-05-01T10:00:00Z, a local date-time or a date; was 'yesterday'",
      "bad date        | {\"session\": \"s1\", \"role\": \"user\", \"content\": \"x\", \"time\": \"2024-02-30\"} | time | was '2024-02-30'",
      "numeric time    | {\"session\": \"s1\", \"role\": \"user\", \"content\": \"x\", \"time\": 1714557600} | time | field 'time' must be a string, was number 1714557600",
      "blank id        | {\"session\": \"s1\", \"role\": \"user\", \"content\": \"x\", \"id\": \"\"} | id | field 'id' must not be blank",
  })
  void should_report_the_first_bad_line_and_keep_the_sessions_before_it(
      String name, String badLine, String field, String expectedMessage) throws IOException {
    // given: two good lines, a blank line, the bad line (line 4), then a good line never read
    Path file = write("chat.jsonl",
        GOOD_LINE_1 + "\n" + GOOD_LINE_2 + "\n\n" + badLine + "\n" + GOOD_LINE_1 + "\n");

    // when
    ChatLogReader.ParseResult result = ChatLogReader.read(file);

    // then
    DatasetFormatException error = result.firstError();
    assertThat(error).isNotNull();
    assertThat(error.line()).isEqualTo(4);
    assertThat(error.field()).isEqualTo(field);
    assertThat(error.file()).isEqualTo(file);
    assertThat(error.getMessage()).startsWith(file + ":4: ").contains(expectedMessage);
    assertThat(result.goodLines()).isEqualTo(2);
    assertThat(result.sessions()).hasSize(1);
    assertThat(result.sessions().get(0).messages()).extracting(Message::content)
        .containsExactly("I moved to Lisbon.", "Welcome!");
    assertThatThrownBy(result::sessionsOrThrow).isSameAs(error);
  }

  @Test
  void should_format_the_message_as_file_line_and_problem() throws IOException {
    // given
    Path file = write("chat.jsonl", GOOD_LINE_1 + "\n"
        + "{\"session\": \"s1\", \"role\": \"bot2\", \"content\": \"x\"}\n");

    // when
    DatasetFormatException error = ChatLogReader.read(file).firstError();

    // then
    assertThat(error.getMessage()).isEqualTo(file
        + ":2: field 'role' must be one of user, assistant, system, tool; was 'bot2'");
    assertThat(error.detail())
        .isEqualTo("field 'role' must be one of user, assistant, system, tool; was 'bot2'");
  }

  @Test
  void should_report_invalid_utf8_on_its_own_line_and_keep_the_lines_before() throws IOException {
    // given: enough good lines that a read-ahead decoder would hit the bad byte early
    StringBuilder good = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      good.append("{\"session\": \"s").append(i % 3).append("\", \"role\": \"user\", \"content\": \"line ")
          .append(i).append("\"}\n");
    }
    byte[] head = good.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bad = "{\"session\": \"s1\", \"role\": \"user\", \"content\": \"caf\u00e9 "
        .getBytes(StandardCharsets.ISO_8859_1);
    Path file = dir.resolve("latin1.jsonl");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(head);
      out.write(bad);
      out.write("\"}\n".getBytes(StandardCharsets.UTF_8));
    }

    // when
    ChatLogReader.ParseResult result = ChatLogReader.read(file);

    // then
    assertThat(result.firstError().line()).isEqualTo(501);
    assertThat(result.firstError().getMessage()).contains(":501: bytes are not valid UTF-8");
    assertThat(result.goodLines()).isEqualTo(500);
    assertThat(result.sessions()).extracting(Session::id).containsExactly("s0", "s1", "s2");
  }

  @Test
  void should_accept_crlf_a_byte_order_mark_and_unicode() throws IOException {
    // given
    Path file = write("windows.jsonl", "\uFEFF" + GOOD_LINE_1 + "\r\n"
        + "{\"session\": \"s1\", \"role\": \"user\", \"content\": \"Caf\u00e9 \u2615 \ud83d\ude00\"}\r\n");

    // when
    List<Session> sessions = ChatLogReader.read(file).sessionsOrThrow();

    // then
    assertThat(sessions.get(0).messages()).extracting(Message::content)
        .containsExactly("I moved to Lisbon.", "Caf\u00e9 \u2615 \ud83d\ude00");
  }

  @Test
  void should_read_a_gzipped_log_whatever_its_name() throws IOException {
    // given
    Path file = dir.resolve("chat.jsonl");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write((GOOD_LINE_1 + "\n" + GOOD_LINE_2 + "\n").getBytes(StandardCharsets.UTF_8));
    }

    // when
    ChatLogReader.ParseResult result = ChatLogReader.read(file);

    // then
    assertThat(result.goodLines()).isEqualTo(2);
    assertThat(result.sessions().get(0).messages()).hasSize(2);
  }

  @Test
  void should_return_no_sessions_for_an_empty_file() throws IOException {
    // given
    Path file = write("empty.jsonl", "\n  \n");

    // when
    ChatLogReader.ParseResult result = ChatLogReader.read(file);

    // then
    assertThat(result.complete()).isTrue();
    assertThat(result.sessions()).isEmpty();
    assertThat(result.goodLines()).isZero();
  }

  @Test
  void should_name_the_path_of_a_missing_file() {
    // given
    Path missing = dir.resolve("nope.jsonl");

    // when / then
    assertThatThrownBy(() -> ChatLogReader.read(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("file not found: " + missing.toAbsolutePath());
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
