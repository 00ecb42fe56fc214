package dev.engram.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.model.Document;
import dev.engram.model.Message;
import dev.engram.model.Role;
import dev.engram.model.Session;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {
  private final Segmenter segmenter = new Segmenter();

  @Test
  void should_pair_each_user_turn_with_the_replies_that_follow() {
    // given
    Instant t0 = Instant.parse("2024-01-02T10:00:00Z");
    Session session = new Session("s1", t0, List.of(
        new Message("a0", Role.ASSISTANT, "Welcome back.", null),
        new Message("u1", Role.USER, "My cat is called Miso.", null),
        new Message("a1", Role.ASSISTANT, "Lovely name.", null),
        new Message("u2", Role.USER, "She is two.", null),
        new Message("u3", Role.USER, "And she hates rain.", Instant.parse("2024-01-02T11:00:00Z")),
        new Message("a3", Role.ASSISTANT, "Most cats do.", null)));

    // when
    List<Segment> rounds = segmenter.rounds(session);

    // then
    assertThat(rounds).extracting(Segment::sourceIds)
        .containsExactly(List.of("a0"), List.of("u1", "a1"), List.of("u2"), List.of("u3", "a3"));
    assertThat(rounds.get(1).text()).isEqualTo("user: My cat is called Miso.\nassistant: Lovely name.");
    assertThat(rounds.get(1).eventTime()).isEqualTo(t0);
    assertThat(rounds.get(3).eventTime()).isEqualTo(Instant.parse("2024-01-02T11:00:00Z"));
  }

  @Test
  void should_cut_documents_into_overlapping_pages_at_sentence_boundaries() {
    // given
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      text.append("Sentence number ").append(i).append(" talks about the lighthouse keeper. ");
    }
    Document document = new Document("keeper.md", text.toString(), null);

    // when
    List<Segment> pages = new Segmenter(400, 100).pages(document);

    // then
    assertThat(pages).hasSizeGreaterThan(5);
    for (int i = 0; i < pages.size(); i++) {
      Segment page = pages.get(i);
      assertThat(page.text().length()).isLessThanOrEqualTo(400 + 60);
      assertThat(page.text()).startsWith("Sentence number").endsWith("keeper.");
      assertThat(page.sourceIds()).containsExactly("keeper.md#p" + (i + 1));
    }
    String lastOfFirst = pages.get(0).text().substring(pages.get(0).text().lastIndexOf("Sentence"));
    assertThat(pages.get(1).text()).startsWith(lastOfFirst);
  }

  @Test
  void should_cut_a_sentence_longer_than_a_page_at_word_boundaries() {
    String words = "word ".repeat(300).strip();

    List<Segment> pages = new Segmenter(200, 0).pages(new Document("d", words, null));

    assertThat(pages).allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(201));
    assertThat(String.join(" ", pages.stream().map(Segment::text).toList())).isEqualTo(words);
  }

  @Test
  void should_reject_page_settings_out_of_range() {
    assertThatThrownBy(() -> new Segmenter(100, 0))
        .hasMessage("pageChars must be in [200, 100000], was 100");
    assertThatThrownBy(() -> new Segmenter(400, 300))
        .hasMessage("overlapChars must be in [0, 200], was 300");
  }
}
