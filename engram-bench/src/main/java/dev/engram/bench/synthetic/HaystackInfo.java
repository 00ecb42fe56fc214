package dev.engram.bench.synthetic;

/**
 * One haystack as built and remembered.
 *
 * @param sizeTokens the target size
 * @param repeat which haystack of that size, from 0
 * @param chars characters of the text, needles included
 * @param tokens approximate tokens (characters / 4)
 * @param items memory items (pages) the subject holds after ingest
 * @param planted sentences planted in it
 * @param ingestSeconds wall time of remembering it (embedding included)
 */
record HaystackInfo(int sizeTokens, int repeat, long chars, long tokens, long items, int planted,
    double ingestSeconds) {}
