/**
 * The {@code engram} command line (picocli): {@code quickstart}, {@code ingest}, {@code ask},
 * {@code search}, {@code forget} and {@code stats} over one store directory. Reading commands open
 * the store read-only, so they work while another process ingests; every failure is one line
 * {@code engram: error: ...} and exit code 1, bad usage exit code 2.
 */
package dev.engram.cli;
