package dev.engram.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextAnalysisTest {

  @Test
  void should_drop_stopwords_and_stem_plurals_and_tenses() {
    assertThat(Terms.of("The dogs walked to the parks, walking happily!"))
        .containsExactly("dog", "walk", "park", "walk", "happily");
    assertThat(Terms.of("Cities and studies")).containsExactly("city", "study");
    assertThat(Terms.of(null)).isEmpty();
  }

  @Test
  void should_split_sentences_but_keep_abbreviations_whole() {
    assertThat(SentenceSplitter.sentences(
        "Dr. Smith met me at 9 a.m. Today. Was it fun? Yes! It was.\nNew line here"))
        .containsExactly("Dr. Smith met me at 9 a.m. Today.", "Was it fun?", "Yes!", "It was.",
            "New line here");
  }

  @Test
  void should_return_no_sentences_for_blank_text() {
    assertThat(SentenceSplitter.sentences("  \n\n ")).isEmpty();
  }
}
