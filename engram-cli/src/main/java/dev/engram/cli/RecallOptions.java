package dev.engram.cli;

import dev.engram.read.PackOrder;
import dev.engram.read.RecallRequest;
import dev.engram.store.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** How to recall: options shared by {@code ask} and {@code search}. */
final class RecallOptions {
  @Option(names = {"-s", "--subject"}, paramLabel = "NAME", defaultValue = "default",
      description = "Whose memory to search (default: ${DEFAULT-VALUE}).")
  String subject;

  @Option(names = "--budget", paramLabel = "TOKENS", defaultValue = "3500",
      description = "Most tokens of memory to pack (default: ${DEFAULT-VALUE}).")
  int budget;

  @Option(names = "--order", paramLabel = "ORDER", defaultValue = "EDGES_FIRST",
      description = "Evidence order: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  PackOrder order;

  @Option(names = "--candidates", paramLabel = "N", defaultValue = "50",
      description = "Hits each retriever (BM25, vector) contributes (default: ${DEFAULT-VALUE}).")
  int candidates;

  @Option(names = "--no-neighbours", negatable = false,
      description = "Do not fill spare budget with the rounds around the best hits.")
  boolean noNeighbours;

  @Option(names = "--from", paramLabel = "DATE",
      description = "Only memory from this date or instant on (2024-05-01 or 2024-05-01T10:00:00Z).")
  String from;

  @Option(names = "--to", paramLabel = "DATE",
      description = "Only memory before this date or instant.")
  String to;

  RecallRequest request(String query) {
    return RecallRequest.of(query)
        .withBudget(budget)
        .withOrder(order)
        .withCandidates(candidates)
        .withNeighbours(!noNeighbours)
        .withRange(new TimeRange(instant(from, "--from"), instant(to, "--to")));
  }

  private static Instant instant(String text, String option) {
    if (text == null) {
      return null;
    }
    try {
      return text.contains("T") ? Instant.parse(text)
          : LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + " must be a date (2024-05-01) or an instant (2024-05-01T10:00:00Z), was '"
              + text + "'");
    }
  }
}
