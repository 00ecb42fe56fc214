/**
 * The numbers of a benchmark run, as pure functions of per-question outcomes: retrieval metrics
 * over ranked units ({@link dev.engram.bench.metrics.RankedMetrics}), answer scoring
 * ({@link dev.engram.bench.metrics.AnswerScore}), intervals ({@link dev.engram.bench.metrics.Estimate})
 * and the paired test ({@link dev.engram.bench.metrics.McNemar}).
 *
 * <p>Nothing here knows about datasets or systems: a "unit" is whatever a ranking ranks (a round's
 * turn ids, a session id), and evidence is a set of ids. That keeps every definition in one place
 * and testable on hand-made cases. Definitions follow {@code docs/benchmarks.md}.
 */
package dev.engram.bench.metrics;
