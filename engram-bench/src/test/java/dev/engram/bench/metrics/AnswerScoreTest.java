package dev.engram.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AnswerScoreTest {

  @Test
  void normalisationLowersStripsPunctuationAndArticles() {
    assertThat(AnswerScore.normalize("The Cat, sat  on a mat!")).isEqualTo("cat sat on mat");
    assertThat(AnswerScore.normalize("An apple's \"core\"")).isEqualTo("apples core");
    assertThat(AnswerScore.normalize(null)).isEmpty();
  }

  @Test
  void exactMatchComparesNormalisedTexts() {
    assertThat(AnswerScore.exactMatch("The answer.", "answer")).isEqualTo(1);
    assertThat(AnswerScore.exactMatch("answers", "answer")).isZero();
  }

  @Test
  void f1IsTokenOverlap() {
    // predicted [big, dog], gold [dog]: P = 1/2, R = 1, F1 = 2/3
    assertThat(AnswerScore.f1("the big dog", "a dog")).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(AnswerScore.f1("7 May 2023", "7 May 2023")).isEqualTo(1.0);
    assertThat(AnswerScore.f1("cat", "dog")).isZero();
  }

  @Test
  void f1CountsRepeatedTokensOnce() {
    // predicted [dog, dog], gold [dog]: one match, P = 1/2, R = 1
    assertThat(AnswerScore.f1("dog dog", "dog")).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void emptyPredictionScoresZeroAgainstAnAnswer() {
    assertThat(AnswerScore.f1("", "dog")).isZero();
    assertThat(AnswerScore.f1("the", "a")).isEqualTo(1.0);
  }
}
