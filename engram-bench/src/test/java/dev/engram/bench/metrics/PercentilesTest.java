package dev.engram.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankPercentiles() {
    double[] values = new double[100];
    for (int i = 0; i < 100; i++) {
      values[i] = 100 - i; // 100 .. 1, unsorted on purpose
    }
    Percentiles p = Percentiles.of(values);
    assertThat(p.n()).isEqualTo(100);
    assertThat(p.p50()).isEqualTo(50);
    assertThat(p.p95()).isEqualTo(95);
    assertThat(p.p99()).isEqualTo(99);
    assertThat(p.max()).isEqualTo(100);
    assertThat(p.mean()).isEqualTo(50.5);
  }

  @Test
  void emptySampleHasNoValues() {
    assertThat(Percentiles.of(new double[0]).n()).isZero();
  }
}
