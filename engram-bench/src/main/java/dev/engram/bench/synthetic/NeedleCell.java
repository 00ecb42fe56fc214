package dev.engram.bench.synthetic;

/**
 * One needle asked in one haystack: a cell of the grid (a size, a depth, a repeat).
 *
 * @param sizeTokens the haystack's target size
 * @param repeat which haystack of that size, from 0
 * @param depth requested depth in percent of the haystack
 * @param needleId the needle's id
 * @param question what was asked
 * @param answer what a correct answer contains
 * @param actualDepth where the needle landed, as a fraction of the filler's characters
 * @param charOffset where the needle starts in the haystack text
 * @param retrievalHit whether a packed item holds the needle sentence
 * @param packedPosition 1-based position of the first such item in the context; 0 when missing
 * @param packedItems items in the context
 * @param sighting the needle item's fate and its fused, BM25 and vector ranks (0 = not in that
 *     list; whole-memory mode packs without ranking, so 0 there)
 * @param readerHit whether the extractive reader's answer contains {@code answer}
 * @param contextMode {@code WHOLE_MEMORY} when the haystack fit the budget, else {@code RETRIEVAL}
 * @param contextTokens estimated tokens of the packed context
 * @param recallMillis wall time of the recall (query embedding included)
 */
record NeedleCell(int sizeTokens, int repeat, int depth, String needleId, String question,
    String answer, double actualDepth, long charOffset, boolean retrievalHit, int packedPosition,
    int packedItems, Sighting sighting, boolean readerHit, String contextMode, int contextTokens,
    double recallMillis) {}
