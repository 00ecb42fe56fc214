package dev.engram.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddingInputTest {
  private static final String REPLY =
      "assistant: " + "Here is a long and general answer. ".repeat(40);

  @Test
  void should_embed_a_short_round_whole_and_cut_long_text_at_a_space() {
    String shortRound = "user: hello there\nassistant: " + "hi ".repeat(150);
    String page = "word ".repeat(1000);

    assertThat(EmbeddingInput.of(shortRound)).isSameAs(shortRound);
    String cut = EmbeddingInput.of(page);
    assertThat(cut).hasSizeLessThanOrEqualTo(EmbeddingInput.MAX_CHARS).endsWith("word");
    assertThat(page).startsWith(cut);
  }

  @Test
  void should_embed_a_long_round_from_its_user_lines_then_the_opening_of_the_reply() {
    String round = "user: My sister Ana moved to Porto.\nShe loves it there.\n" + REPLY;

    String input = EmbeddingInput.of(round);

    assertThat(input).startsWith("user: My sister Ana moved to Porto.\nShe loves it there.\n"
        + "assistant: Here is a long");
    assertThat(input.length()).isBetween(
        round.indexOf("assistant: ") + EmbeddingInput.REPLY_CHARS / 2,
        round.indexOf("assistant: ") + EmbeddingInput.REPLY_CHARS);
    assertThat(round).startsWith(input);
  }

  @Test
  void should_put_user_lines_first_wherever_they_are_in_the_round() {
    String round = "assistant: " + "Welcome back, what can I do for you today? ".repeat(20)
        + "\nuser: Remind me of my dentist's name.";

    String input = EmbeddingInput.of(round);

    assertThat(input).startsWith("user: Remind me of my dentist's name.\nassistant: Welcome back")
        .hasSizeLessThanOrEqualTo(
            "user: Remind me of my dentist's name.\n".length() + EmbeddingInput.REPLY_CHARS);
  }

  @Test
  void should_cap_a_long_user_turn_at_the_limit() {
    String round = "user: " + "I keep bees on my roof. ".repeat(60) + "\n" + REPLY;

    String input = EmbeddingInput.of(round);

    assertThat(input).hasSizeLessThanOrEqualTo(EmbeddingInput.MAX_CHARS)
        .startsWith("user: I keep bees").doesNotContain("assistant:");
  }

  @Test
  void should_embed_a_long_text_without_both_kinds_of_lines_from_its_start() {
    String userOnly = "user: " + "I keep bees on my roof. ".repeat(30);
    String replyOnly = REPLY;

    assertThat(EmbeddingInput.of(userOnly)).isEqualTo(userOnly);
    String cut = EmbeddingInput.of(replyOnly);
    assertThat(replyOnly).startsWith(cut);
    assertThat(cut.length()).isBetween(EmbeddingInput.MAX_CHARS / 2, EmbeddingInput.MAX_CHARS);
  }
}
