package dev.engram.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads a command-line time: a date ({@code 2024-05-01}, midnight UTC) or an instant. */
final class TimeArguments {
  private TimeArguments() {}

  static Instant parse(String text, String option) {
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " expects a date like 2024-05-01 or an instant "
          + "like 2024-05-01T10:00:00Z, got '" + text + "'");
    }
  }
}
