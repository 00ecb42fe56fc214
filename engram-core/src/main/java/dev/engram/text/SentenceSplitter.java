package dev.engram.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into sentences: at '.', '!' or '?' followed by space and a capital, digit or quote,
 * and at blank lines and line breaks. Keeps common abbreviations ("Dr.", "e.g.", "a.m.") whole.
 * Returns spans into the original text so callers keep it verbatim. Stateless and thread-safe.
 */
public final class SentenceSplitter {
  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "a.m", "p.m",
      "no", "fig", "inc", "ltd", "co", "u.s", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
      "sep", "sept", "oct", "nov", "dec", "approx", "mt");

  private SentenceSplitter() {}

  /** A sentence as a span {@code [start, end)} of the text it came from. */
  public record Span(int start, int end) {
    /** The sentence's text, stripped. */
    public String in(String text) {
      return text.substring(start, end).strip();
    }
  }

  /** The sentences of {@code text} as stripped strings; empty for blank text. */
  public static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (Span span : spans(text)) {
      out.add(span.in(text));
    }
    return out;
  }

  /** The non-blank sentence spans of {@code text}, in order. */
  public static List<Span> spans(String text) {
    List<Span> spans = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean cut = false;
      int end = i + 1;
      if (c == '\n') {
        cut = true;
      } else if ((c == '.' || c == '!' || c == '?') && i + 1 < n) {
        int j = i + 1;
        while (j < n && (text.charAt(j) == '"' || text.charAt(j) == '\'' || text.charAt(j) == ')')) {
          j++;
        }
        end = j;
        if (j < n && Character.isWhitespace(text.charAt(j)) && startsSentence(text, j)
            && !(c == '.' && isAbbreviation(text, start, i))) {
          cut = true;
        }
      }
      if (cut) {
        addSpan(spans, text, start, end);
        start = end;
        i = end - 1;
      }
    }
    addSpan(spans, text, start, n);
    return spans;
  }

  private static boolean startsSentence(String text, int whitespaceAt) {
    int k = whitespaceAt;
    while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
      k++;
    }
    if (k >= text.length()) {
      return true;
    }
    char next = text.charAt(k);
    return Character.isUpperCase(next) || Character.isDigit(next) || next == '"' || next == '\''
        || next == '(' || next == '*' || next == '-';
  }

  private static boolean isAbbreviation(String text, int sentenceStart, int dotAt) {
    int k = dotAt - 1;
    while (k >= sentenceStart && (Character.isLetter(text.charAt(k)) || text.charAt(k) == '.')) {
      k--;
    }
    String word = text.substring(k + 1, dotAt).toLowerCase(java.util.Locale.ROOT);
    return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(word.charAt(0)));
  }

  private static void addSpan(List<Span> spans, String text, int start, int end) {
    int s = start;
    int e = end;
    while (s < e && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    if (s < e) {
      spans.add(new Span(s, e));
    }
  }
}
