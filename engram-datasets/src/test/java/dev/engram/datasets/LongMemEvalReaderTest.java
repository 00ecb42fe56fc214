package dev.engram.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.model.Message;
import dev.engram.model.Role;
import dev.engram.model.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LongMemEvalReaderTest {
  /** Two made-up questions in the official shape; the second is an abstention item. */
  static final String TWO_ITEMS = """
      [{"question_id": "q1", "question_type": "single-session-user",
        "question": "Which city did I move to?", "question_date": "2023/05/30 (Tue) 10:18",
        "answer": "Lisbon", "answer_session_ids": ["answer_a1"],
        "haystack_dates": ["2023/05/20 (Sat) 07:47", "2023/05/19 (Fri) 21:44"],
        "haystack_session_ids": ["chat_7", "answer_a1"],
        "haystack_sessions": [
          [{"role": "user", "content": "Any tips for sourdough?"},
           {"role": "assistant", "content": "Feed the starter daily."}],
          [{"role": "user", "content": "I just moved to Lisbon!", "has_answer": true},
           {"role": "assistant", "content": "", "has_answer": false},
           {"role": "assistant", "content": "Enjoy the pasteis de nata.", "has_answer": false}]
        ]},
       {"question_id": "q2_abs", "question_type": "knowledge-update",
        "question": "How many cats do I have now?", "question_date": "2023/06/01 (Thu) 08:00",
        "answer": 2, "answer_session_ids": ["answer_b1"],
        "haystack_dates": ["2023/05/21 (Sun) 09:00", "2023/05/22 (Mon) 09:00"],
        "haystack_session_ids": ["answer_b1", "answer_b1"],
        "haystack_sessions": [
          [{"role": "user", "content": "I adopted a dog."}],
          [{"role": "user", "content": "I adopted a dog."}]
        ]}]
      """;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void should_read_items_plain_or_gzipped_whatever_the_name(boolean gzipped) throws IOException {
    // given
    Path file = write("lme.json", TWO_ITEMS, gzipped);

    // when
    List<LongMemEvalItem> items = LongMemEvalReader.readAll(file);

    // then
    assertThat(items).extracting(LongMemEvalItem::questionId).containsExactly("q1", "q2_abs");
    LongMemEvalItem first = items.get(0);
    assertThat(first.questionType()).isEqualTo("single-session-user");
    assertThat(first.question()).isEqualTo("Which city did I move to?");
    assertThat(first.answer()).isEqualTo("Lisbon");
    assertThat(first.questionDate()).isEqualTo(Instant.parse("2023-05-30T10:18:00Z"));
    assertThat(first.abstention()).isFalse();
    assertThat(first.sessions()).extracting(Session::id).containsExactly("chat_7", "answer_a1");
    assertThat(first.sessions()).extracting(Session::start).as("file order, not date order")
        .containsExactly(Instant.parse("2023-05-20T07:47:00Z"), Instant.parse("2023-05-19T21:44:00Z"));
    Session evidence = first.sessions().get(1);
    assertThat(evidence.messages()).extracting(Message::id)
        .as("the empty turn 1 is skipped but keeps its index")
        .containsExactly("answer_a1:0", "answer_a1:2");
    assertThat(evidence.messages()).extracting(Message::role).containsExactly(Role.USER, Role.ASSISTANT);
    assertThat(evidence.messages()).extracting(Message::time).containsOnly(evidence.start());
    assertThat(first.evidenceSessionIds()).containsExactly("answer_a1");
    assertThat(first.evidenceTurnIds()).containsExactly("answer_a1:0");
  }

  @Test
  void should_flag_abstention_stringify_numbers_and_rename_repeated_sessions() throws IOException {
    // given
    Path file = write("lme.json", TWO_ITEMS, false);

    // when
    LongMemEvalItem item = LongMemEvalReader.readAll(file).get(1);

    // then
    assertThat(item.abstention()).isTrue();
    assertThat(item.answer()).isEqualTo("2");
    assertThat(item.evidenceTurnIds()).isEmpty();
    assertThat(item.sessions()).extracting(Session::id).containsExactly("answer_b1", "answer_b1#2");
    assertThat(item.sessions().get(1).messages().get(0).id()).isEqualTo("answer_b1#2:0");
  }

  @Test
  void should_stop_after_the_limit() throws IOException {
    // given
    Path file = write("lme.json.gz", TWO_ITEMS, true);
    List<String> seen = new ArrayList<>();

    // when
    int count = LongMemEvalReader.forEach(file, 1, item -> seen.add(item.questionId()));

    // then
    assertThat(count).isEqualTo(1);
    assertThat(seen).containsExactly("q1");
    assertThat(LongMemEvalReader.readAll(file, 0)).isEmpty();
  }

  @Test
  void should_pass_on_good_items_before_reporting_a_bad_one() throws IOException {
    // given
    Path file = write("lme.json", TWO_ITEMS.replace("\"2023/06/01 (Thu) 08:00\"", "\"June 1st\""), false);
    List<String> seen = new ArrayList<>();

    // when / then
    assertThatThrownBy(() -> LongMemEvalReader.forEach(file, item -> seen.add(item.questionId())))
        .isInstanceOfSatisfying(DatasetFormatException.class, e -> {
          assertThat(e.field()).isEqualTo("question_date");
          assertThat(e.getMessage()).contains("question 'q2_abs': field 'question_date' is not a"
              + " date like '2023/05/20 (Sat) 02:21'; was 'June 1st'");
        });
    assertThat(seen).containsExactly("q1");
  }

  @Test
  void should_name_the_turn_with_an_unknown_role() throws IOException {
    // given
    Path file = write("lme.json",
        TWO_ITEMS.replace("{\"role\": \"assistant\", \"content\": \"Feed", "{\"role\": \"robot\", \"content\": \"Feed"),
        false);

    // when / then
    assertThatThrownBy(() -> LongMemEvalReader.readAll(file))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("question 'q1': field 'haystack_sessions[0][1].role' must be one of"
            + " user, assistant, system, tool; was 'robot'");
  }

  @Test
  void should_refuse_lists_of_different_lengths() throws IOException {
    // given
    Path file = write("lme.json",
        TWO_ITEMS.replace("[\"chat_7\", \"answer_a1\"]", "[\"answer_a1\"]"), false);

    // when / then
    assertThatThrownBy(() -> LongMemEvalReader.readAll(file))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("question 'q1': field 'haystack_sessions' has 2 sessions but"
            + " haystack_session_ids has 1 and haystack_dates has 2");
  }

  @Test
  void should_report_a_truncated_file() throws IOException {
    // given
    Path file = write("lme.json", TWO_ITEMS.substring(0, TWO_ITEMS.indexOf("{\"question_id\": \"q2_abs\"")), false);

    // when / then
    assertThatThrownBy(() -> LongMemEvalReader.readAll(file))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("the file ends before the JSON array is closed, after 1 LongMemEval questions (truncated?)");
  }

  @Test
  void should_parse_official_dates_as_utc() {
    assertThat(LongMemEvalReader.parseDate("2023/05/20 (Sat) 02:21"))
        .isEqualTo(Instant.parse("2023-05-20T02:21:00Z"));
    assertThat(LongMemEvalReader.parseDate("2023/5/2 14:05:09"))
        .isEqualTo(Instant.parse("2023-05-02T14:05:09Z"));
    assertThat(LongMemEvalReader.parseDate("2023-05-20"))
        .isEqualTo(Instant.parse("2023-05-20T00:00:00Z"));
  }

  static Path write(Path dir, String name, String content, boolean gzipped) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = gzipped
        ? new GZIPOutputStream(Files.newOutputStream(file))
        : Files.newOutputStream(file)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  private Path write(String name, String content, boolean gzipped) throws IOException {
    return write(dir, name, content, gzipped);
  }
}
