package dev.engram.solr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Prepares free text for a BM25 query: the distinct whitespace-separated words that hold a letter
 * or digit, up to a budget of terms. The analysis itself happens in Solr with the field's
 * analyser; this only bounds the number of clauses (Solr refuses more than 1024) and drops what
 * could never match, so an empty or punctuation-only query costs no request.
 */
final class TextQuery {
  private TextQuery() {}

  /**
   * The words to search for, joined by single spaces, or empty when there are none.
   *
   * @param maxTerms most letter-or-digit runs kept (an upper bound on the analysed terms)
   */
  static Optional<String> words(String text, int maxTerms) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> kept = new ArrayList<>();
    int terms = 0;
    for (String word : text.strip().split("\\s+")) {
      int runs = runs(word);
      if (runs == 0 || !seen.add(word.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (terms + runs > maxTerms) {
        break;
      }
      terms += runs;
      kept.add(word);
    }
    return kept.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", kept));
  }

  /** The number of maximal runs of letters or digits in {@code word}. */
  private static int runs(String word) {
    int runs = 0;
    boolean inRun = false;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      boolean letter = Character.isLetterOrDigit(cp);
      if (letter && !inRun) {
        runs++;
      }
      inRun = letter;
      i += Character.charCount(cp);
    }
    return runs;
  }
}
