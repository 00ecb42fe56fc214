package dev.engram.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A small English analyzer for the parts of core that need words without Lucene: lower-cases,
 * splits on non-letters/digits, drops stopwords and strips common suffixes (a light stemmer, so
 * "dogs" and "dog", "walked" and "walk" meet). Stateless and thread-safe.
 */
public final class Terms {
  private static final Set<String> STOPWORDS = Set.of(
      "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is",
      "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then", "there",
      "these", "they", "this", "to", "was", "will", "with", "i", "me", "my", "we", "our", "you",
      "your", "he", "she", "him", "her", "his", "its", "them", "what", "which", "who", "whom",
      "when", "where", "why", "how", "do", "does", "did", "have", "has", "had", "am", "were",
      "been", "being", "so", "than", "too", "very", "can", "just", "about", "would", "should",
      "could", "any", "some", "all", "from", "up", "out", "also", "again", "s", "t", "d", "ll",
      "m", "re", "ve", "us", "yes", "ok", "oh");

  private Terms() {}

  /** The analysed terms of {@code text}, in order, stopwords removed; empty for null. */
  public static List<String> of(String text) {
    List<String> terms = new ArrayList<>();
    if (text == null) {
      return terms;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i <= lower.length(); i++) {
      boolean word = i < lower.length() && Character.isLetterOrDigit(lower.charAt(i));
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        add(terms, lower.substring(start, i));
        start = -1;
      }
    }
    return terms;
  }

  /** Whether {@code word} (lower case) is a stopword. */
  public static boolean isStopword(String word) {
    return STOPWORDS.contains(word);
  }

  private static void add(List<String> terms, String word) {
    if (!STOPWORDS.contains(word)) {
      terms.add(stem(word));
    }
  }

  /** Strips one common English suffix from a lower-case word; short words are kept whole. */
  static String stem(String word) {
    if (word.length() <= 3 || Character.isDigit(word.charAt(word.length() - 1))) {
      return word;
    }
    if (word.endsWith("ies") && word.length() > 4) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.endsWith("ing") && word.length() > 5) {
      return undouble(word.substring(0, word.length() - 3));
    }
    if (word.endsWith("ed") && word.length() > 4) {
      return undouble(word.substring(0, word.length() - 2));
    }
    if (word.endsWith("es") && word.length() > 4 && "sxz".indexOf(word.charAt(word.length() - 3)) >= 0) {
      return word.substring(0, word.length() - 2);
    }
    if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  private static String undouble(String stem) {
    int n = stem.length();
    if (n >= 3 && stem.charAt(n - 1) == stem.charAt(n - 2) && "lsz".indexOf(stem.charAt(n - 1)) < 0) {
      return stem.substring(0, n - 1);
    }
    return stem;
  }
}
