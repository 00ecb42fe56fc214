package dev.engram.bench.synthetic;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Why planted sentences were missing from their contexts, over many misses.
 *
 * @param misses sentences not packed
 * @param byFate misses per recall fate ({@code OVER_BUDGET}: ranked, but the budget ran out
 *     first; {@code NOT_RETRIEVED}: in neither retriever's candidates; {@code NEAR_DUPLICATE})
 * @param bm25TopThree misses that BM25 ranked in its top three
 * @param bm25TopThreeVectorMiss of those, the ones the vector search did not return at all:
 *     exact lexical matches that fusion ranked below items both retrievers half-liked
 */
record MissCauses(int misses, Map<String, Integer> byFate, int bm25TopThree,
    int bm25TopThreeVectorMiss) {

  static MissCauses of(List<Sighting> sightings) {
    Map<String, Integer> byFate = new TreeMap<>();
    int misses = 0;
    int topThree = 0;
    int vectorMiss = 0;
    for (Sighting s : sightings) {
      if (s == null || s.packed()) {
        continue;
      }
      misses++;
      byFate.merge(s.fate(), 1, Integer::sum);
      if (s.textRank() >= 1 && s.textRank() <= 3) {
        topThree++;
        vectorMiss += s.vectorRank() == 0 ? 1 : 0;
      }
    }
    return new MissCauses(misses, byFate, topThree, vectorMiss);
  }

  /** One line for reports. */
  String describe() {
    return String.format(java.util.Locale.ROOT, "%d misses: %s; BM25 ranked %d of them in its "
        + "top 3, and the vector search missed %d of those", misses, byFate, bm25TopThree,
        bm25TopThreeVectorMiss);
  }
}
