package dev.engram.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class McNemarTest {

  @Test
  void exactPValueMatchesTheBinomialTail() {
    // b = 10, c = 2: 2 * P[X <= 2], X ~ Bin(12, 1/2) = 2 * (1 + 12 + 66) / 4096 = 0.0385742...
    assertThat(McNemar.exactP(10, 2)).isCloseTo(158.0 / 4096, within(1e-12));
    assertThat(McNemar.exactP(2, 10)).isCloseTo(158.0 / 4096, within(1e-12));
    // b = 1, c = 5: 2 * (1 + 6) / 64
    assertThat(McNemar.exactP(1, 5)).isCloseTo(14.0 / 64, within(1e-12));
  }

  @Test
  void noDiscordantPairsOrABalancedSplitGiveOne() {
    assertThat(McNemar.exactP(0, 0)).isEqualTo(1.0);
    assertThat(McNemar.exactP(7, 7)).isEqualTo(1.0);
  }

  @Test
  void largeCountsDoNotUnderflow() {
    // 600 vs 400 discordant pairs: a clear difference, p far below 0.001 but above zero.
    double p = McNemar.exactP(600, 400);
    assertThat(p).isGreaterThan(0).isLessThan(1e-9);
    assertThat(McNemar.exactP(1000, 1000)).isEqualTo(1.0);
  }
}
