package dev.engram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectionTest {
  private static final List<String> LABELS = List.of("1 multi-hop", "4 single-hop", "2 temporal",
      "5 adversarial", "4 single-hop", "1 multi-hop", "3 open-domain", "4 single-hop");

  @Test
  void categoriesMatchByNumberNameOrWholeLabel() {
    assertThat(new Selection(Set.of("1"), 0, Integer.MAX_VALUE, 1).choose(LABELS))
        .containsExactly(0, 5);
    assertThat(new Selection(Set.of("single-hop"), 0, Integer.MAX_VALUE, 1).choose(LABELS))
        .containsExactly(1, 4, 7);
    assertThat(new Selection(Set.of("2 Temporal", "3"), 0, Integer.MAX_VALUE, 1).choose(LABELS))
        .containsExactly(2, 6);
  }

  @Test
  void aLimitBeyondTheDataTakesEverything() {
    assertThat(new Selection(Set.of(), 0, 1000, 1).choose(LABELS)).hasSize(LABELS.size());
    assertThat(new Selection(Set.of(), 0, 3, 1).choose(LABELS)).containsExactly(0, 1, 2);
  }

  @Test
  void aSampleIsSeededSortedAndThenLimited() {
    List<Integer> first = new Selection(Set.of(), 4, Integer.MAX_VALUE, 7).choose(LABELS);
    List<Integer> again = new Selection(Set.of(), 4, Integer.MAX_VALUE, 7).choose(LABELS);
    assertThat(first).hasSize(4).isSorted().isEqualTo(again).doesNotHaveDuplicates();
    assertThat(new Selection(Set.of(), 4, 2, 7).choose(LABELS)).isEqualTo(first.subList(0, 2));
  }
}
