/**
 * {@code engram bench}: a reproducible harness that measures memory quality and speed on real
 * benchmarks in their official formats (LoCoMo, LongMemEval), with Engram and four baselines side
 * by side on the same items, budget and reader.
 *
 * <p>The story of a run ({@link dev.engram.bench.BenchRun}): a dataset adapter turns the file into
 * {@link dev.engram.bench.Haystack}s (one per LongMemEval question, one per LoCoMo sample), each
 * with its {@link dev.engram.bench.BenchCase}s. Each haystack is ingested into a fresh store through
 * Engram's public write path, every system answers every case
 * ({@link dev.engram.bench.CaseEvaluator}), and the per-question outcomes are aggregated into
 * figures with intervals and paired tests, then written as {@code report.json},
 * {@code report.md}, per-question {@code questions.jsonl} and PNG charts. Speed is measured in the
 * same run on uncached paths only ({@link dev.engram.bench.SpeedProbe}, recall latency).
 *
 * <p>The commands ({@link dev.engram.bench.LocomoBenchCommand},
 * {@link dev.engram.bench.LongMemEvalBenchCommand}) live under {@link dev.engram.bench.BenchCommand}.
 */
package dev.engram.bench;
