package dev.engram.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.model.Message;
import dev.engram.model.Role;
import dev.engram.model.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocomoReaderTest {
  /** A made-up sample in the official shape: 2 sessions, 5 turns, 3 questions. */
  static final String SAMPLE = """
      [
        {
          "qa": [
            {"question": "When did Ana join the choir?", "answer": "4 March 2023",
             "evidence": ["D1:2"], "category": 2},
            {"question": "How many concerts did Ana sing in?", "answer": 3,
             "evidence": ["D1:3; D2:1", "D:2:2"], "category": 1},
            {"question": "What instrument does Ben play in the choir?",
             "adversarial_answer": "the cello", "evidence": [], "category": 5}
          ],
          "conversation": {
            "speaker_a": "Ana",
            "speaker_b": "Ben",
            "session_1_date_time": "1:56 pm on 8 May, 2023",
            "session_1": [
              {"speaker": "Ana", "dia_id": "D1:1", "text": "Hi Ben! Long time."},
              {"speaker": "Ben", "dia_id": "D1:2", "text": "Ana! I hear you joined a choir.",
               "img_url": ["https://example.org/x.jpg"], "query": "choir",
               "blip_caption": "a photo of a choir on a stage"},
              {"speaker": "Ana", "dia_id": "D1:3", "text": "Yes, two concerts so far."}
            ],
            "session_2_date_time": "10:04 am on 19 June, 2023",
            "session_2": [
              {"speaker": "Ben", "dia_id": "D2:1", "text": "How was the third concert?"},
              {"speaker": "Ana", "dia_id": "D2:2", "text": "",
               "blip_caption": "a photo of a woman holding flowers", "re-download": true}
            ],
            "session_3_date_time": "9:00 am on 1 July, 2023"
          },
          "event_summary": {}, "observation": {}, "session_summary": {},
          "sample_id": "conv-1"
        }
      ]
      """;

  @TempDir Path dir;

  @Test
  void should_read_sessions_with_speaker_names_captions_ids_and_times() throws IOException {
    // given
    Path file = Files.writeString(dir.resolve("locomo.json"), SAMPLE);

    // when
    List<LocomoSample> samples = LocomoReader.read(file);

    // then
    assertThat(samples).hasSize(1);
    LocomoSample sample = samples.get(0);
    assertThat(sample.sampleId()).isEqualTo("conv-1");
    assertThat(sample.sessions()).extracting(Session::id).containsExactly("session_1", "session_2");
    Session first = sample.sessions().get(0);
    Instant start = Instant.parse("2023-05-08T13:56:00Z");
    assertThat(first.start()).isEqualTo(start);
    assertThat(first.messages()).extracting(Message::time).containsOnly(start);
    assertThat(first.messages()).extracting(Message::id).containsExactly("D1:1", "D1:2", "D1:3");
    assertThat(first.messages()).extracting(Message::role)
        .containsExactly(Role.USER, Role.ASSISTANT, Role.USER);
    assertThat(first.messages()).extracting(Message::content).containsExactly(
        "Ana: Hi Ben! Long time.",
        "Ben: Ana! I hear you joined a choir. [shares a photo: a photo of a choir on a stage]",
        "Ana: Yes, two concerts so far.");
    Session second = sample.sessions().get(1);
    assertThat(second.start()).isEqualTo(Instant.parse("2023-06-19T10:04:00Z"));
    assertThat(second.messages().get(1).content())
        .isEqualTo("Ana: [shares a photo: a photo of a woman holding flowers]");
  }

  @Test
  void should_read_questions_with_text_answers_split_evidence_and_categories() throws IOException {
    // given
    Path file = Files.writeString(dir.resolve("locomo.json"), SAMPLE);

    // when
    List<LocomoQuestion> questions = LocomoReader.read(file).get(0).questions();

    // then
    assertThat(questions).containsExactly(
        new LocomoQuestion("When did Ana join the choir?", "4 March 2023", null, List.of("D1:2"), 2),
        new LocomoQuestion("How many concerts did Ana sing in?", "3", null,
            List.of("D1:3", "D2:1", "D2:2"), 1),
        new LocomoQuestion("What instrument does Ben play in the choir?", null, "the cello",
            List.of(), 5));
  }

  @Test
  void should_clean_up_the_malformed_evidence_of_the_official_file() {
    assertThat(LocomoReader.turnIds(List.of("D8:6; D9:17", "D", "D:11:26", "D30:05",
        "D9:1 D4:4  D4:6", "D8:6", "d2:3,D2:4")))
        .containsExactly("D8:6", "D9:17", "D11:26", "D30:5", "D9:1", "D4:4", "D4:6", "D2:3", "D2:4");
  }

  @Test
  void should_stream_samples_in_file_order() throws IOException {
    // given
    String two = "[" + SAMPLE.strip().substring(1, SAMPLE.strip().length() - 1) + ","
        + SAMPLE.strip().substring(1, SAMPLE.strip().length() - 1).replace("conv-1", "conv-2") + "]";
    Path file = Files.writeString(dir.resolve("two.json"), two);
    List<String> seen = new java.util.ArrayList<>();

    // when
    LocomoReader.forEach(file, sample -> seen.add(sample.sampleId()));

    // then
    assertThat(seen).containsExactly("conv-1", "conv-2");
  }

  @Test
  void should_name_sample_and_field_of_an_unreadable_session_time() throws IOException {
    // given
    Path file = Files.writeString(dir.resolve("locomo.json"),
        SAMPLE.replace("10:04 am on 19 June, 2023", "sometime in June"));

    // when / then
    assertThatThrownBy(() -> LocomoReader.read(file))
        .isInstanceOfSatisfying(DatasetFormatException.class, e -> {
          assertThat(e.field()).isEqualTo("conversation.session_2_date_time");
          assertThat(e.getMessage()).contains("sample 'conv-1': field "
              + "'conversation.session_2_date_time' is not a date like '1:56 pm on 8 May, 2023';"
              + " was 'sometime in June'");
        });
  }

  @Test
  void should_name_the_turn_of_an_unknown_speaker() throws IOException {
    // given
    Path file = Files.writeString(dir.resolve("locomo.json"),
        SAMPLE.replace("{\"speaker\": \"Ben\", \"dia_id\": \"D2:1\"", "{\"speaker\": \"Cy\", \"dia_id\": \"D2:1\""));

    // when / then
    assertThatThrownBy(() -> LocomoReader.read(file))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("sample 'conv-1': field 'conversation.session_2[0].speaker' must be "
            + "speaker_a 'Ana' or speaker_b 'Ben'; was 'Cy'");
  }

  @Test
  void should_name_a_missing_category() throws IOException {
    // given
    Path file = Files.writeString(dir.resolve("locomo.json"),
        SAMPLE.replace("\"evidence\": [], \"category\": 5", "\"evidence\": []"));

    // when / then
    assertThatThrownBy(() -> LocomoReader.read(file))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("sample 'conv-1': field 'qa[2].category' is missing");
  }

  @Test
  void should_refuse_a_file_that_is_not_an_array() throws IOException {
    // given
    Path file = Files.writeString(dir.resolve("locomo.json"), "{\"sample_id\": \"conv-1\"}");

    // when / then
    assertThatThrownBy(() -> LocomoReader.read(file))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessage(file + ":1: expected a JSON array of LoCoMo samples, found an object");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1:56 pm on 8 May, 2023      | 2023-05-08T13:56:00Z",
      "12:06 am on 11 November, 2022 | 2022-11-11T00:06:00Z",
      "12:30 pm on 1 January, 2024 | 2024-01-01T12:30:00Z",
      "10:04 AM on 19 June 2023    | 2023-06-19T10:04:00Z",
      "9:15 p.m. on 3rd Sept. 2023 | 2023-09-03T21:15:00Z",
      "May 8, 2023, 1:56 pm        | 2023-05-08T13:56:00Z",
      "13:56 on 8 May, 2023        | 2023-05-08T13:56:00Z",
      "8 May, 2023                 | 2023-05-08T00:00:00Z",
      "2023-05-08T13:56            | 2023-05-08T13:56:00Z",
      "2023-05-08                  | 2023-05-08T00:00:00Z",
  })
  void should_parse_session_times_tolerantly(String text, String expected) {
    assertThat(LocomoDateTime.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "sometime in June", "1:56 pm on 31 February, 2023", "13:56 pm on 8 May, 2023",
      "1:56 pm on 8 Mai, 2023", "noon on 8 May, 2023"})
  void should_refuse_session_times_it_cannot_read(String text) {
    assertThatThrownBy(() -> LocomoDateTime.parse(text))
        .isInstanceOf(java.time.DateTimeException.class);
  }
}
