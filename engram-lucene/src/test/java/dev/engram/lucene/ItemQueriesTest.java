package dev.engram.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The HNSW beam: at least 100, growing with the index, never beyond the documents there are. */
class ItemQueriesTest {
  @Test
  void should_grow_the_hnsw_candidates_with_the_index_but_not_past_its_size() {
    assertThat(ItemQueries.candidates(10, 0)).isEqualTo(1);
    assertThat(ItemQueries.candidates(10, 40)).isEqualTo(40);
    assertThat(ItemQueries.candidates(10, 100_000)).isEqualTo(100);
    assertThat(ItemQueries.candidates(10, 1_000_000)).isEqualTo(250);
    assertThat(ItemQueries.candidates(10, 4_000_000)).isEqualTo(500);
    assertThat(ItemQueries.candidates(600, 1_000_000)).isEqualTo(600);
  }
}
