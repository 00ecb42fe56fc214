package dev.engram.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.store.TimeRange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeExpressionsTest {
  /** A Thursday. */
  private static final ZonedDateTime ASKED = ZonedDateTime.of(2024, 5, 16, 15, 30, 0, 0,
      ZoneOffset.UTC);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "What did I eat yesterday?|2024-05-15|2024-05-16",
      "what happened today|2024-05-16|2024-05-17",
      "Where did I go last Tuesday?|2024-05-14|2024-05-15",
      "what did I buy two weeks ago|2024-04-28|2024-05-06",
      "the book I read 3 days ago|2024-05-12|2024-05-14",
      "a month ago I started yoga|2024-03-31|2024-05-02",
      "What did I do last week?|2024-05-06|2024-05-13",
      "anything last month?|2024-04-01|2024-05-01",
      "Which trip did I take in March?|2024-03-01|2024-04-01",
      "What did I do in June?|2023-06-01|2023-07-01",
      "my plans in March 2023|2023-03-01|2023-04-01",
      "Where did I live in 2022?|2022-01-01|2023-01-01",
      "what happened on May 4th|2024-05-04|2024-05-05",
      "What movie did I watch on 1 May, 2022?|2022-05-01|2022-05-02",
      "the 4th of May|2024-05-04|2024-05-05",
      "what did I cook on 20 December|2023-12-20|2023-12-21",
      "what happened on 2023-12-24|2023-12-24|2023-12-25"})
  void should_read_a_time_expression_against_the_question_date(
      String query, String from, String to) {
    // when
    TimeHint hint = TimeExpressions.parse(query, ASKED);

    // then
    assertThat(hint.range()).isEqualTo(new TimeRange(day(from), day(to)));
    assertThat(hint.chronological()).isTrue();
    assertThat(hint.expression()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"What is my dog called?", "may I ask about the 99999 things",
      "in 12345 ways", "", "last", "ago ago ago"})
  void should_fall_back_to_untimed_for_what_it_cannot_read(String query) {
    // when / then
    assertThat(TimeExpressions.parse(query, ASKED).range()).isEqualTo(TimeRange.ALL);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"Where did I work before I moved?|moved|true",
      "what did I buy after we married|married|false"})
  void should_keep_an_anchor_event_for_before_and_after(String query, String anchor,
      boolean before) {
    // when
    TimeHint hint = TimeExpressions.parse(query, ASKED);

    // then
    assertThat(hint.anchor()).isEqualTo(anchor);
    assertThat(hint.anchorBefore()).isEqualTo(before);
    assertThat(hint.chronological()).isTrue();
  }

  private static Instant day(String date) {
    return Instant.parse(date + "T00:00:00Z");
  }
}
