package dev.engram.datasets;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses LoCoMo session times such as {@code "1:56 pm on 8 May, 2023"} as UTC. Tolerant of the
 * variants people write: {@code "8 May 2023"} (midnight), {@code "May 8, 2023 1:56 pm"}, {@code
 * "13:56 on 8th May, 2023"}, abbreviated months ({@code "Sep"}, {@code "Sept."}), {@code "a.m."},
 * any case and spacing; also ISO {@code 2023-05-08} and {@code 2023-05-08T13:56}. Stateless.
 */
final class LocomoDateTime {
  /** An example of the official form, for error messages. */
  static final String EXAMPLE = "1:56 pm on 8 May, 2023";

  private static final String MONTH = "\\b([a-z]{3,9})\\.?";
  private static final String DAY = "\\b(\\d{1,2})(?:st|nd|rd|th)?";
  private static final String TIME =
      "(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm|a\\.m\\.?|p\\.m\\.?)?";
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(DAY + "\\s+" + MONTH + ",?\\s+(\\d{4})\\b");
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(MONTH + "\\s+" + DAY + ",?\\s+(\\d{4})\\b");
  private static final Pattern TIME_ONLY = Pattern.compile(TIME);
  private static final Pattern SEPARATOR = Pattern.compile("^(?:at\\b|on\\b|,)|(?:\\bat|\\bon|,)$");
  private static final String[] MONTHS = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december"
  };

  private LocomoDateTime() {}

  /**
   * The instant {@code text} names, taken as UTC.
   *
   * @throws DateTimeException if it is not a recognisable date (with optional time)
   */
  static Instant parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    LocalDateTime iso = parseIso(value);
    if (iso != null) {
      return iso.toInstant(ZoneOffset.UTC);
    }
    Matcher date = DAY_MONTH_YEAR.matcher(value);
    boolean dayFirst = date.find();
    if (!dayFirst) {
      date = MONTH_DAY_YEAR.matcher(value);
      if (!date.find()) {
        throw new DateTimeException("no date like '8 May, 2023' in '" + text + "'");
      }
    }
    int day = Integer.parseInt(date.group(dayFirst ? 1 : 2));
    int month = month(date.group(dayFirst ? 2 : 1), text);
    int year = Integer.parseInt(date.group(3));
    String rest = (value.substring(0, date.start()) + " " + value.substring(date.end())).strip();
    LocalTime time = time(rest, text);
    return LocalDate.of(year, month, day).atTime(time).toInstant(ZoneOffset.UTC);
  }

  private static LocalDateTime parseIso(String value) {
    if (!value.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
      return null;
    }
    if (value.length() == 10) {
      return LocalDate.parse(value).atStartOfDay();
    }
    return LocalDateTime.parse(value.replace(' ', 't').toUpperCase(Locale.ROOT));
  }

  private static int month(String name, String text) {
    for (int i = 0; i < MONTHS.length; i++) {
      if (MONTHS[i].startsWith(name)) {
        return i + 1;
      }
    }
    throw new DateTimeException("unknown month '" + name + "' in '" + text + "'");
  }

  /** The time of day in what is left around the date: "1:56 pm on", ", 1:56 pm", or nothing. */
  private static LocalTime time(String rest, String text) {
    String cleaned = rest;
    String previous;
    do {
      previous = cleaned;
      cleaned = SEPARATOR.matcher(cleaned).replaceAll("").strip();
    } while (!cleaned.equals(previous));
    if (cleaned.isEmpty()) {
      return LocalTime.MIDNIGHT;
    }
    Matcher time = TIME_ONLY.matcher(cleaned);
    if (!time.matches()) {
      throw new DateTimeException("cannot read the time of day '" + rest + "' in '" + text + "'");
    }
    int hour = Integer.parseInt(time.group(1));
    int minute = time.group(2) == null ? 0 : Integer.parseInt(time.group(2));
    String half = time.group(3);
    if (half != null) {
      if (hour < 1 || hour > 12) {
        throw new DateTimeException("hour must be in [1, 12] with am/pm, was " + hour);
      }
      hour = hour % 12 + (half.startsWith("p") ? 12 : 0);
    }
    return LocalTime.of(hour, minute);
  }
}
