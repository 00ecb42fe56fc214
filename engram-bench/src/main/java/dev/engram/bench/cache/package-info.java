/**
 * A persistent embedding cache for benchmark runs. Ingesting 250 LongMemEval haystacks means
 * embedding ~54k distinct rounds of ~500 tokens: tens of minutes on two cores. Cached by content,
 * those vectors are computed once per machine, every system of a run shares the same vectors, and
 * reruns take minutes. Speed figures never come from cached calls (see the bench's speed probe).
 */
package dev.engram.bench.cache;
