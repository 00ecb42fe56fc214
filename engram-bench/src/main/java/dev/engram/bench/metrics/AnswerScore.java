package dev.engram.bench.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SQuAD-style answer scoring: both texts are normalised (lower case, punctuation removed, the
 * articles a / an / the removed, whitespace collapsed), then compared as bags of tokens. Stateless
 * and thread-safe. A null text counts as empty.
 */
public final class AnswerScore {
  // ASCII punctuation plus the typographic quotes, ellipsis and dashes common in chat logs.
  private static final Pattern PUNCTUATION =
      Pattern.compile("\\p{Punct}|[\\u2018\\u2019\\u201c\\u201d\\u2026\\u2013\\u2014]");
  private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");

  private AnswerScore() {}

  /** The normalised form of {@code text}: what {@link #f1} and {@link #exactMatch} compare. */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String lower = text.toLowerCase(Locale.ROOT);
    String noPunctuation = PUNCTUATION.matcher(lower).replaceAll("");
    String noArticles = ARTICLES.matcher(noPunctuation).replaceAll(" ");
    return String.join(" ", tokens(noArticles));
  }

  /** 1 when the normalised texts are equal, else 0. */
  public static double exactMatch(String predicted, String gold) {
    return normalize(predicted).equals(normalize(gold)) ? 1 : 0;
  }

  /**
   * Token F1 of the normalised texts: 2PR / (P + R) over the bag of shared tokens; 1 when both are
   * empty, 0 when only one is.
   */
  public static double f1(String predicted, String gold) {
    List<String> p = tokens(normalize(predicted));
    List<String> g = tokens(normalize(gold));
    if (p.isEmpty() || g.isEmpty()) {
      return p.isEmpty() && g.isEmpty() ? 1 : 0;
    }
    Map<String, Integer> goldCounts = new HashMap<>();
    g.forEach(token -> goldCounts.merge(token, 1, Integer::sum));
    int common = 0;
    for (String token : p) {
      Integer left = goldCounts.get(token);
      if (left != null && left > 0) {
        common++;
        goldCounts.put(token, left - 1);
      }
    }
    if (common == 0) {
      return 0;
    }
    double precision = (double) common / p.size();
    double recall = (double) common / g.size();
    return 2 * precision * recall / (precision + recall);
  }

  private static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String token : text.strip().split("\\s+")) {
      if (!token.isEmpty()) {
        out.add(token);
      }
    }
    return out;
  }
}
