package dev.engram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.SubjectRef;
import dev.engram.store.InMemoryMemoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LatencySamplerTest {
  private final HashingEmbedder embedder = new HashingEmbedder(64);

  private List<BenchCase> cases(String haystack, int n) {
    List<BenchCase> cases = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cases.add(new BenchCase(haystack + "#q" + i, "c", "where did I plant the tomatoes " + i,
          null, Set.of(), Set.of(), false, false, false));
    }
    return cases;
  }

  private InMemoryMemoryStore store(String subject) {
    InMemoryMemoryStore store = new InMemoryMemoryStore(embedder.info());
    try (Engram engram = Engram.builder().store(store).embedder(embedder).build()) {
      engram.remember(subject, "s1", List.of(
          dev.engram.model.Message.user("I planted tomatoes next to the basil in May."),
          dev.engram.model.Message.assistant("Tomatoes like basil as a neighbour.")));
    }
    return store;
  }

  @Test
  void should_leave_the_first_pairs_of_the_run_untimed_across_haystacks() {
    SpeedLog log = new SpeedLog();
    // 6 questions x 2 runs = 12 pairs in the run; 5 untimed (fewer than half).
    LatencySampler sampler = new LatencySampler(embedder, embedder, 500, 2, 5, 6);

    sampler.sample(store("a"), SubjectRef.of("a"), cases("a", 2), log);
    assertThat(log.recallWithEmbeddingMillis).isEmpty(); // 4 pairs: all warm-up

    sampler.sample(store("b"), SubjectRef.of("b"), cases("b", 4), log);
    assertThat(log.recallWithEmbeddingMillis).hasSize(7);
    assertThat(log.recallWithoutEmbeddingMillis).hasSize(7);
    assertThat(log.recallQuestions).containsExactly("b#q0", "b#q1", "b#q1", "b#q2", "b#q2",
        "b#q3", "b#q3");
  }

  @Test
  void should_time_at_least_half_of_a_small_run() {
    SpeedLog log = new SpeedLog();
    LatencySampler sampler = new LatencySampler(embedder, embedder, 500, 1, 100, 3);

    sampler.sample(store("a"), SubjectRef.of("a"), cases("a", 3), log);

    assertThat(log.recallQuestions).containsExactly("a#q1", "a#q2");
    assertThat(log.recallWithEmbeddingMillis).allSatisfy(ms -> assertThat(ms).isPositive());
  }
}
