/**
 * What a bench run writes: the {@link dev.engram.bench.report.BenchReport} model (the schema of
 * {@code report.json}, documented in the module README), its Markdown summary, its PNG charts, and
 * {@link dev.engram.bench.report.ReportFiles}, which makes the directory honest: a {@code PARTIAL}
 * marker while the run is going, every file written under a temporary name and renamed into place
 * only when the run completed.
 */
package dev.engram.bench.report;
