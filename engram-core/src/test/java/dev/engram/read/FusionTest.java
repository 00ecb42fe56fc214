package dev.engram.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.store.ScoredItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {
  private static final SubjectRef OWNER = SubjectRef.of("alice");

  @Test
  void should_combine_min_max_normalised_scores_with_the_text_weight() {
    // given: a is best in text and worst in vector; c the reverse; b in the middle of both
    List<ScoredItem> text = hits("a", 9.0, "b", 6.0, "c", 3.0, "d", 2.0, "e", 1.0);
    List<ScoredItem> vector = hits("c", 0.9, "b", 0.8, "f", 0.75, "g", 0.7, "a", 0.5);

    // when
    List<Candidate> fused = Fusion.convex(text, vector, 0.5);

    // then: the top PROMOTED of each list lead, interleaved, then the fused order
    assertThat(ids(fused).subList(0, 3)).containsExactly("a", "c", "b");
    Candidate b = fused.get(2);
    assertThat(b.fusedScore()).isCloseTo(0.5 * (5.0 / 8) + 0.5 * (0.3 / 0.4), within(1e-9));
    assertThat(b.textRank()).isEqualTo(2);
    assertThat(b.vectorRank()).isEqualTo(2);
    // f (vector only, normalised 0.625) beats d (text only, 0.125): score distances count
    assertThat(ids(fused).indexOf("f")).isLessThan(ids(fused).indexOf("d"));
    assertThat(fused).extracting(Candidate::rank).containsExactly(1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void should_follow_the_weight_towards_one_retriever() {
    // given: neither x nor y is among the promoted leaders
    List<ScoredItem> text = hits("t1", 10, "t2", 9, "x", 8, "y", 0);
    List<ScoredItem> vector = hits("v1", 0.9, "v2", 0.85, "y", 0.8, "x", 0.1);

    // then
    List<String> textHeavy = ids(Fusion.convex(text, vector, 0.9));
    List<String> vectorHeavy = ids(Fusion.convex(text, vector, 0.1));
    assertThat(textHeavy.indexOf("x")).isLessThan(textHeavy.indexOf("y"));
    assertThat(vectorHeavy.indexOf("y")).isLessThan(vectorHeavy.indexOf("x"));
  }

  @Test
  void should_count_a_single_hit_fully_and_survive_an_empty_list() {
    // when
    List<Candidate> fused = Fusion.convex(hits("only", 4.2), List.of(), 0.5);

    // then
    assertThat(fused).singleElement().satisfies(c -> {
      assertThat(c.fusedScore()).isEqualTo(0.5);
      assertThat(c.vectorRank()).isZero();
    });
    assertThat(Fusion.convex(List.of(), List.of(), 0.5)).isEmpty();
  }

  private static List<ScoredItem> hits(Object... idsAndScores) {
    List<ScoredItem> hits = new ArrayList<>();
    for (int i = 0; i < idsAndScores.length; i += 2) {
      String id = (String) idsAndScores[i];
      hits.add(new ScoredItem(item(id, hits.size()), ((Number) idsAndScores[i + 1]).doubleValue()));
    }
    return hits;
  }

  private static MemoryItem item(String id, long seq) {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    return new MemoryItem(id, OWNER, "s", ItemKind.EPISODE, seq, seq, t, t, "text " + id,
        "text " + id, List.of(), "h" + id, null);
  }

  private static List<String> ids(List<Candidate> candidates) {
    return candidates.stream().map(c -> c.item().id()).toList();
  }
}
