package dev.engram.bench.synthetic;

/**
 * One "which came first" question.
 *
 * @param excerpt the excerpt's id
 * @param segmentWords words per segment
 * @param distanceWords words from the first segment's start to the second's
 * @param bin the distance bin, relative to the excerpt length
 * @param correct whether the answer named the earlier segment
 * @param located segments found in recalled items (0-2); an unlocated pair is answered by a
 *     seeded coin flip
 * @param fallbackRecalls extra recalls made with a single segment as the query (0-2)
 * @param millis wall time of all recalls for the question
 */
record OrderCell(String excerpt, int segmentWords, int distanceWords, String bin, boolean correct,
    int located, int fallbackRecalls, double millis) {}
