package dev.engram.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EstimateTest {

  @Test
  void wilsonIntervalMatchesTheTextbookValue() {
    // 8 of 10: the Wilson 95% interval is [0.4902, 0.9433] (Newcombe 1998, Table I style).
    Estimate e = Estimate.wilson(8, 10);
    assertThat(e.value()).isEqualTo(0.8);
    assertThat(e.n()).isEqualTo(10);
    assertThat(e.lo()).isCloseTo(0.4902, within(1e-4));
    assertThat(e.hi()).isCloseTo(0.9433, within(1e-4));
    assertThat(e.interval()).isEqualTo("wilson");
  }

  @Test
  void wilsonStaysInsideZeroOneAtTheEdges() {
    Estimate none = Estimate.wilson(0, 10);
    assertThat(none.lo()).isZero();
    assertThat(none.hi()).isCloseTo(0.2775, within(1e-4));
    Estimate all = Estimate.wilson(10, 10);
    assertThat(all.hi()).isCloseTo(1.0, within(1e-12));
    assertThat(all.lo()).isCloseTo(0.7225, within(1e-4));
  }

  @Test
  void wilsonOfNothingHasNoValue() {
    assertThat(Estimate.wilson(0, 0).n()).isZero();
    assertThat(Estimate.wilson(0, 0).value()).isNaN();
  }

  @Test
  void meanHasANormalInterval() {
    Estimate e = Estimate.mean(new double[] {1, 2, 3, 4});
    // sd = 1.29099, se = 0.645497, half = 1.96 * se = 1.26516
    assertThat(e.value()).isEqualTo(2.5);
    assertThat(e.halfWidth()).isCloseTo(1.26516, within(1e-4));
    assertThat(e.interval()).isEqualTo("normal");
  }
}
