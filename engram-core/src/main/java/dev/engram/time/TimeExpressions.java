package dev.engram.time;

import dev.engram.store.TimeRange;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads absolute and relative time expressions in a question against the question's date:
 * "yesterday", "today", "last Tuesday", "last/this week|month|year", "two weeks ago",
 * "3 days ago", "in March", "in March 2023", "in 2023", "on May 4th", "on 4 May 2023",
 * "2023-05-04", and "before/after I moved" (an anchor dated later from facts). Relative spans get
 * a tolerance ("two weeks ago" is that week plus or minus half a week; "a month ago" plus or
 * minus half a month), because people round.
 *
 * <p>Anything it cannot read gives {@link TimeHint#NONE} or a hint without a range: never an
 * error. Days are calendar days in UTC. Stateless and thread-safe.
 */
public final class TimeExpressions {
  private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("a", 1),
      Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
      Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
      Map.entry("twelve", 12), Map.entry("a couple of", 2), Map.entry("a few", 3),
      Map.entry("couple of", 2), Map.entry("few", 3));
  private static final String MONTHS = "(january|february|march|april|may|june|july|august|"
      + "september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
  private static final Pattern AGO = Pattern.compile("\\b(\\d{1,3}|a couple of|couple of|a few|"
      + "few|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) "
      + "(day|week|month|year)s? ago\\b");
  private static final Pattern LAST_UNIT =
      Pattern.compile("\\b(last|this|past|previous) (week|month|year|weekend)\\b");
  private static final Pattern WEEKDAY = Pattern.compile(
      "\\b(last|this|on|past) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");
  private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})[-/](\\d{2})[-/](\\d{2})\\b");
  private static final Pattern MONTH_DAY = Pattern.compile(
      "\\b" + MONTHS + " (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b");
  private static final Pattern DAY_MONTH = Pattern.compile(
      "\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?" + MONTHS + "(?:,? (\\d{4}))?\\b");
  private static final Pattern MONTH_YEAR =
      Pattern.compile("\\b(?:in |during |of )?" + MONTHS + "(?:,? (\\d{4}))?\\b");
  private static final Pattern YEAR = Pattern.compile("\\b(?:in|during|of|since) (\\d{4})\\b");
  private static final Pattern DAY_WORD = Pattern.compile("\\b(yesterday|today|tonight)\\b");
  private static final Pattern ANCHOR =
      Pattern.compile("\\b(before|after|since) (?:i|we) ([a-z]+(?: [a-z]+)?)");
  private static final Pattern CHRONOLOGICAL = Pattern.compile("\\b(when|how long|how many "
      + "(?:days|weeks|months|years)|first|last time|most recently|recently|earlier|later|"
      + "before|after|order|which came|what date|what day|what time|ago|since|latest|newest|"
      + "oldest|previous)\\b");

  private TimeExpressions() {}

  /** The hint of {@code query} asked at {@code questionTime}; NONE when nothing is readable. */
  public static TimeHint parse(String query, ZonedDateTime questionTime) {
    if (query == null || questionTime == null) {
      return TimeHint.NONE;
    }
    try {
      String text = query.toLowerCase(Locale.ROOT);
      ZonedDateTime now = questionTime.withZoneSameInstant(ZoneOffset.UTC);
      boolean chronological = CHRONOLOGICAL.matcher(text).find();
      Matcher anchor = ANCHOR.matcher(text);
      String anchorWords = anchor.find() ? anchor.group(2) : "";
      boolean before = !anchorWords.isEmpty() && anchor.group(1).equals("before");
      Found found = range(text, now.toLocalDate());
      if (found == null) {
        return new TimeHint(TimeRange.ALL, chronological, "", anchorWords, before);
      }
      return new TimeHint(found.range, true, found.expression, anchorWords, before);
    } catch (RuntimeException e) {
      return TimeHint.NONE; // unreadable time never fails a recall
    }
  }

  private record Found(TimeRange range, String expression) {}

  private static Found range(String text, LocalDate today) {
    Matcher m = DAY_WORD.matcher(text);
    if (m.find()) {
      LocalDate day = m.group(1).equals("yesterday") ? today.minusDays(1) : today;
      return days(day, day.plusDays(1), m.group());
    }
    m = AGO.matcher(text);
    if (m.find()) {
      int n = number(m.group(1));
      return switch (m.group(2)) {
        case "day" -> days(today.minusDays(n + 1L), today.minusDays(n - 1L), m.group());
        case "week" -> days(today.minusDays(7L * n + 4), today.minusDays(7L * n - 4), m.group());
        case "month" -> days(today.minusMonths(n).minusDays(16), today.minusMonths(n).plusDays(16),
            m.group());
        default -> days(today.minusYears(n).minusMonths(6), today.minusYears(n).plusMonths(6),
            m.group());
      };
    }
    m = WEEKDAY.matcher(text);
    if (m.find()) {
      DayOfWeek dow = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
      LocalDate day = today.with(TemporalAdjusters.previous(dow));
      return days(day, day.plusDays(1), m.group());
    }
    m = LAST_UNIT.matcher(text);
    if (m.find()) {
      return unit(m.group(1).equals("this"), m.group(2), today, m.group());
    }
    m = ISO_DATE.matcher(text);
    if (m.find()) {
      LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)));
      return days(day, day.plusDays(1), m.group());
    }
    m = MONTH_DAY.matcher(text);
    if (m.find()) {
      return day(m.group(1), m.group(2), m.group(3), today, m.group());
    }
    m = DAY_MONTH.matcher(text);
    if (m.find()) {
      return day(m.group(2), m.group(1), m.group(3), today, m.group());
    }
    m = MONTH_YEAR.matcher(text);
    while (m.find()) {
      if (m.group(1).equals("may") && m.group(2) == null && !m.group().startsWith("in ")) {
        continue; // "may" is mostly a verb
      }
      Month month = month(m.group(1));
      int year = m.group(2) != null ? Integer.parseInt(m.group(2)) : today.getYear();
      LocalDate first = LocalDate.of(year, month, 1);
      if (m.group(2) == null && first.isAfter(today)) {
        first = first.minusYears(1);
      }
      return days(first, first.plusMonths(1), m.group().strip());
    }
    m = YEAR.matcher(text);
    if (m.find()) {
      int year = Integer.parseInt(m.group(1));
      if (year >= 1900 && year <= 2200) {
        return days(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1), m.group());
      }
    }
    return null;
  }

  /** One day of {@code monthName}; without a year, the last such day on or before today. */
  private static Found day(String monthName, String dayOfMonth, String year, LocalDate today,
      String words) {
    Month month = month(monthName);
    LocalDate day = LocalDate.of(year != null ? Integer.parseInt(year) : today.getYear(), month,
        Integer.parseInt(dayOfMonth));
    if (year == null && day.isAfter(today)) {
      day = day.minusYears(1);
    }
    return days(day, day.plusDays(1), words);
  }

  private static Found unit(boolean current, String unit, LocalDate today, String words) {
    return switch (unit) {
      case "week" -> {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        yield current ? days(monday, today.plusDays(1), words)
            : days(monday.minusWeeks(1), monday, words);
      }
      case "weekend" -> {
        LocalDate saturday = today.with(TemporalAdjusters.previous(DayOfWeek.SATURDAY));
        yield days(saturday, saturday.plusDays(2), words);
      }
      case "month" -> {
        LocalDate first = today.withDayOfMonth(1);
        yield current ? days(first, today.plusDays(1), words)
            : days(first.minusMonths(1), first, words);
      }
      default -> {
        LocalDate first = today.withDayOfYear(1);
        yield current ? days(first, today.plusDays(1), words)
            : days(first.minusYears(1), first, words);
      }
    };
  }

  private static Found days(LocalDate from, LocalDate to, String words) {
    return new Found(new TimeRange(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
        to.atStartOfDay(ZoneOffset.UTC).toInstant()), words);
  }

  private static int number(String words) {
    Integer known = NUMBERS.get(words);
    return known != null ? known : Integer.parseInt(words);
  }

  private static Month month(String name) {
    for (Month month : Month.values()) {
      String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
      if (full.startsWith(name)) {
        return month;
      }
    }
    throw new IllegalArgumentException("not a month: " + name);
  }
}
