package dev.engram.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionVoteTest {
  private static final SubjectRef OWNER = SubjectRef.of("alice");

  @Test
  void should_lift_a_hit_whose_session_matches_as_a_whole_over_a_stray_match() {
    // given: two leaders, then a stray match (x1, alone in its session) just ahead of the first
    // of three middling hits from one session that keeps returning to the subject
    List<Candidate> fused = candidates(
        "lead1", "a", 0.9, "lead2", "b", 0.85, "x1", "x", 0.6, "s1", "s", 0.55, "s2", "s", 0.5,
        "s3", "s", 0.45, "s4", "s", 0.1);

    // when
    List<Candidate> voted = SessionVote.apply(fused);

    // then: the leaders keep their places; s1 overtakes x1
    assertThat(ids(voted)).containsExactly("lead1", "lead2", "s1", "s2", "s3", "x1", "s4");
    assertThat(voted).extracting(Candidate::rank).containsExactly(1, 2, 3, 4, 5, 6, 7);
    // session s sums its best three (0.55 + 0.5 + 0.45 = 1.5), the highest sum: a full vote
    assertThat(voted.get(2).fusedScore())
        .isCloseTo(0.55 + SessionVote.WEIGHT * 1.0, within(1e-9));
    // session x sums 0.6: 0.6 / 1.5 of a vote; s4 gets its session's vote too
    assertThat(byId(voted, "x1").fusedScore())
        .isCloseTo(0.6 + SessionVote.WEIGHT * 0.6 / 1.5, within(1e-9));
    assertThat(byId(voted, "s4").fusedScore())
        .isCloseTo(0.1 + SessionVote.WEIGHT * 1.0, within(1e-9));
    // the retrievers' own ranks and scores pass through
    assertThat(byId(voted, "s1").textRank()).isEqualTo(byId(fused, "s1").textRank());
  }

  @Test
  void should_sum_only_the_best_three_of_a_session() {
    // given: session n has three hits, session m five slightly weaker ones; summed whole, m's
    // five (1.5) would outvote n's three (0.96)
    List<Candidate> fused = candidates(
        "lead1", "a", 0.9, "lead2", "b", 0.85, "n1", "n", 0.32, "n2", "n", 0.32, "n3", "n", 0.32,
        "m1", "m", 0.3, "m2", "m", 0.3, "m3", "m", 0.3, "m4", "m", 0.3, "m5", "m", 0.3);

    // when
    List<Candidate> voted = SessionVote.apply(fused);

    // then: n's best three (0.96) beat m's best three (0.9), so n stays ahead
    assertThat(ids(voted).subList(2, 6)).containsExactly("n1", "n2", "n3", "m1");
    assertThat(byId(voted, "m5").fusedScore())
        .isCloseTo(0.3 + SessionVote.WEIGHT * 0.9 / 0.96, within(1e-9));
  }

  @Test
  void should_count_each_document_page_on_its_own_so_documents_keep_their_order() {
    // given: the first test's layout, but pages of documents instead of conversation rounds
    List<Candidate> fused = pages(candidates(
        "lead1", "a", 0.9, "lead2", "b", 0.85, "x1", "x", 0.6, "s1", "s", 0.55, "s2", "s", 0.5,
        "s3", "s", 0.45));

    // when
    List<Candidate> voted = SessionVote.apply(fused);

    // then: each page's vote follows its own score, so the fused order stands
    assertThat(ids(voted)).containsExactlyElementsOf(ids(fused));
    assertThat(byId(voted, "s1").fusedScore())
        .isCloseTo(0.55 + SessionVote.WEIGHT * 0.55 / 0.9, within(1e-9));
  }

  @Test
  void should_leave_short_lists_whole() {
    assertThat(SessionVote.apply(List.of())).isEmpty();
    List<Candidate> one = candidates("only", "a", 0.3);
    assertThat(SessionVote.apply(one)).singleElement().satisfies(c -> {
      assertThat(c.item().id()).isEqualTo("only");
      assertThat(c.fusedScore()).isCloseTo(0.3 + SessionVote.WEIGHT, within(1e-9));
    });
  }

  /** The same candidates as document pages: their text does not open with a role. */
  private static List<Candidate> pages(List<Candidate> rounds) {
    return rounds.stream().map(c -> {
      MemoryItem r = c.item();
      String text = r.text().substring("user: ".length());
      MemoryItem page = new MemoryItem(r.id(), OWNER, r.session(), ItemKind.EPISODE,
          r.sessionSeq(), r.subjectSeq(), r.eventTime(), r.ingestTime(), text, text, List.of(),
          r.contentHash(), null);
      return new Candidate(page, c.rank(), c.fusedScore(), c.textRank(), c.textScore(),
          c.vectorRank(), c.vectorScore());
    }).toList();
  }

  /** Conversation rounds from (id, session, fused score) triples, in the given order. */
  private static List<Candidate> candidates(Object... triples) {
    List<Candidate> out = new ArrayList<>();
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < triples.length; i += 3) {
      String id = (String) triples[i];
      long seq = out.size();
      MemoryItem item = new MemoryItem(id, OWNER, (String) triples[i + 1], ItemKind.EPISODE, seq,
          seq, t, t, "user: text " + id, "user: text " + id, List.of(), "h" + id, null);
      out.add(new Candidate(item, out.size() + 1, ((Number) triples[i + 2]).doubleValue(),
          out.size() + 1, 1.0, 0, 0));
    }
    return out;
  }

  private static Candidate byId(List<Candidate> candidates, String id) {
    return candidates.stream().filter(c -> c.item().id().equals(id)).findFirst().orElseThrow();
  }

  private static List<String> ids(List<Candidate> candidates) {
    return candidates.stream().map(c -> c.item().id()).toList();
  }
}
