package dev.engram.bench.synthetic;

/**
 * One multi-needle set asked with one question.
 *
 * @param round the haystack it lived in
 * @param setId the set's id
 * @param k needles in the set
 * @param inContext needles whose sentence is in the packed context
 * @param allInContext whether all k are
 * @param inAnswer needles whose value the extractive reader's answer contains (the reader
 *     answers with at most three sentences, so this is capped at 3 by design)
 * @param needles per needle, where its sentence stood in the recall
 * @param contextMode the context's mode
 * @param millis wall time of the recall
 */
record SetCell(int round, String setId, int k, int inContext, boolean allInContext, int inAnswer,
    java.util.List<Sighting> needles, String contextMode, double millis) {}
