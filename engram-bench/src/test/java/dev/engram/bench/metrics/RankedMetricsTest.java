package dev.engram.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankedMetricsTest {
  // Four rounds; evidence is turns D1:2 (in round 2) and D3:1 (in round 4).
  private final List<Set<String>> ranked = List.of(
      Set.of("D1:1"), Set.of("D1:2", "D1:3"), Set.of("D2:1"), Set.of("D3:1", "D3:2"));
  private final RankedMetrics metrics = new RankedMetrics(ranked, Set.of("D1:2", "D3:1"), 2);

  @Test
  void recallAllNeedsEveryEvidenceTurnInTheTopK() {
    assertThat(metrics.recallAll(1)).isZero();
    assertThat(metrics.recallAll(2)).isZero();
    assertThat(metrics.recallAll(3)).isZero();
    assertThat(metrics.recallAll(4)).isEqualTo(1);
    assertThat(metrics.recallAll(50)).isEqualTo(1);
  }

  @Test
  void recallAnyNeedsOneEvidenceTurn() {
    assertThat(metrics.recallAny(1)).isZero();
    assertThat(metrics.recallAny(2)).isEqualTo(1);
  }

  @Test
  void aRoundCountsAsHoldingEveryTurnItContains() {
    RankedMetrics oneRound = new RankedMetrics(List.of(Set.of("a", "b")), Set.of("a", "b"), 1);
    assertThat(oneRound.recallAll(1)).isEqualTo(1);
    assertThat(oneRound.ndcg(1)).isEqualTo(1);
  }

  @Test
  void mrrIsTheReciprocalRankOfTheFirstRelevantUnit() {
    assertThat(metrics.mrr()).isEqualTo(0.5);
    assertThat(new RankedMetrics(List.of(Set.of("x")), Set.of("y"), 1).mrr()).isZero();
  }

  @Test
  void ndcgUsesBinaryGainsAndTheIdealListOfRelevantUnits() {
    // Relevant at ranks 2 and 4: DCG = 1/log2(3) + 1/log2(5); ideal = 1 + 1/log2(3).
    double dcg = 1 / log2(3) + 1 / log2(5);
    double ideal = 1 + 1 / log2(3);
    assertThat(metrics.ndcg(4)).isCloseTo(dcg / ideal, within(1e-12));
    // At k = 1 nothing relevant is retrieved; the ideal has one relevant unit.
    assertThat(metrics.ndcg(1)).isZero();
    // At k = 2 the ideal list has two relevant units: 1 + 1/log2(3).
    assertThat(metrics.ndcg(2)).isCloseTo((1 / log2(3)) / ideal, within(1e-12));
  }

  @Test
  void aPerfectRankingHasNdcgOne() {
    RankedMetrics perfect = new RankedMetrics(
        List.of(Set.of("a"), Set.of("b"), Set.of("c")), Set.of("a", "b"), 2);
    assertThat(perfect.ndcg(3)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void precisionCountsRelevantUnitsOverK() {
    assertThat(metrics.precision(4)).isEqualTo(0.5);
    assertThat(metrics.precision(10)).isEqualTo(0.2);
  }

  @Test
  void emptyEvidenceIsRefused() {
    assertThatThrownBy(() -> new RankedMetrics(ranked, Set.of(), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("evidence");
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
