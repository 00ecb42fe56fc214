package dev.engram.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundKeyTest {
  private static final Instant T = Instant.parse("2024-05-02T10:00:00Z");

  private static Segment round(String text) {
    return new Segment(text, T, List.of());
  }

  private final List<Segment> rounds = List.of(
      round("user: I finished a book last week.\n"
          + "assistant: What did you take from Becoming Nicole?"),
      round("user: It taught me self-acceptance.\nassistant: That is a good lesson."),
      round("user: Now I want to read more memoirs.\nassistant: Try Educated next."));

  @Test
  void should_lend_a_short_round_the_bordering_lines_of_both_neighbours() {
    // when
    String key = RoundKey.key(rounds, 1, null);

    // then
    assertThat(key).isEqualTo(rounds.get(1).text()
        + "\nassistant: What did you take from Becoming Nicole?"
        + "\nuser: Now I want to read more memoirs.");
  }

  @Test
  void should_lend_the_first_and_last_rounds_only_the_neighbour_they_have() {
    assertThat(RoundKey.key(rounds, 0, null))
        .isEqualTo(rounds.get(0).text() + "\nuser: It taught me self-acceptance.");
    assertThat(RoundKey.key(rounds, 2, null))
        .isEqualTo(rounds.get(2).text() + "\nassistant: That is a good lesson.");
    assertThat(RoundKey.key(List.of(rounds.get(0)), 0, null)).isEqualTo(rounds.get(0).text());
  }

  @Test
  void should_lend_the_first_round_the_last_line_of_the_round_stored_before_it() {
    // when
    String key = RoundKey.key(List.of(rounds.get(1)), 0, rounds.get(0).text());

    // then
    assertThat(key).isEqualTo(
        rounds.get(1).text() + "\nassistant: What did you take from Becoming Nicole?");
    assertThat(RoundKey.key(rounds, 1, "user: ignored, not the first round"))
        .isEqualTo(RoundKey.key(rounds, 1, null));
  }

  @Test
  void should_weigh_the_user_lines_of_a_long_round_and_borrow_nothing() {
    // given: a user turn of two lines and a long assistant reply
    String user = "user: I adopted a greyhound named Pixel.\nShe is three years old.";
    String reply = "assistant: " + "Greyhounds are gentle dogs. ".repeat(30);
    Segment longRound = round(user + "\n" + reply);

    // when
    String key = RoundKey.key(List.of(rounds.get(0), longRound, rounds.get(2)), 1, null);

    // then
    assertThat(key).isEqualTo(longRound.text() + ("\n" + user).repeat(RoundKey.USER_WEIGHT - 1));
  }

  @Test
  void should_cut_a_long_neighbour_line_at_a_space_within_the_limit() {
    // given
    Segment chatty = round("user: hi\nassistant: " + "blah ".repeat(200));

    // when
    String key = RoundKey.key(List.of(chatty, rounds.get(1)), 1, null);

    // then
    String lent = key.substring(rounds.get(1).text().length() + 1);
    assertThat(lent).startsWith("assistant: blah").doesNotEndWith(" ")
        .hasSizeLessThanOrEqualTo(RoundKey.NEIGHBOUR_CHARS);
    assertThat(RoundKey.without(rounds.get(1).text(), key, chatty.text()))
        .isEqualTo(rounds.get(1).text());
  }

  @Test
  void should_take_back_only_the_lines_a_neighbour_lent() {
    // given: a key with both neighbours' lines and a fact line appended after them
    String text = rounds.get(1).text();
    String key = RoundKey.key(rounds, 1, null) + "\nbook: Becoming Nicole";

    // when
    String withoutFirst = RoundKey.without(text, key, rounds.get(0).text());

    // then
    assertThat(withoutFirst).isEqualTo(
        text + "\nuser: Now I want to read more memoirs.\nbook: Becoming Nicole");
    assertThat(RoundKey.without(text, withoutFirst, rounds.get(2).text()))
        .isEqualTo(text + "\nbook: Becoming Nicole");
    assertThat(RoundKey.without(text, key, "user: something else entirely")).isSameAs(key);
  }

  @Test
  void should_not_touch_the_rounds_own_text_even_when_a_neighbour_repeats_it() {
    // given: the neighbour's last line is also the round's own first line
    String text = "user: ok\nassistant: fine";
    String key = text + "\nuser: ok";

    // when
    String result = RoundKey.without(text, key, "assistant: sure\nuser: ok");

    // then
    assertThat(result).isEqualTo(text);
  }
}
