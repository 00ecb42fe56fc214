package dev.engram.openai.reader;

import dev.engram.model.MemoryItem;
import dev.engram.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Formula F9: a quote passes when it is a whitespace-normalised, case-folded substring of a packed
 * item, or shares at least {@value #MIN_OVERLAP} of its words with one sentence there. The item
 * the model named is tried first; a verbatim quote from another packed item is credited to that
 * item (it is still in the context). Stateless and thread-safe.
 *
 * <p>Used by the {@link LlmReader} for quotes and by LLM fact extraction for evidence.
 */
public final class QuoteCheck {
  /** Share of word overlap (of the larger of quote and sentence) that counts as the same sentence. */
  static final double MIN_OVERLAP = 0.9;

  private QuoteCheck() {}

  /** A quote that passed: the item it is in and the verbatim text to cite. */
  public record Verified(MemoryItem item, String quote) {}

  /** Where {@code quote} is found, the cited item first; empty when it is invented. */
  public static Optional<Verified> find(String quote, MemoryItem cited, List<MemoryItem> packed) {
    String wanted = normalise(trimQuoteMarks(quote));
    if (wanted.isEmpty()) {
      return Optional.empty();
    }
    if (cited != null) {
      Optional<Verified> found = findIn(quote, wanted, cited);
      if (found.isPresent()) {
        return found;
      }
    }
    for (MemoryItem item : packed) {
      if (item != cited) {
        Optional<Verified> found = findIn(quote, wanted, item);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Verified> findIn(String quote, String wanted, MemoryItem item) {
    if (normalise(item.text()).contains(wanted)) {
      return Optional.of(new Verified(item, trimQuoteMarks(quote).strip()));
    }
    Set<String> quoteWords = words(wanted);
    for (String sentence : sentences(item.text())) {
      Set<String> sentenceWords = words(normalise(sentence));
      Set<String> shared = new HashSet<>(quoteWords);
      shared.retainAll(sentenceWords);
      int larger = Math.max(quoteWords.size(), sentenceWords.size());
      if (larger > 0 && shared.size() >= MIN_OVERLAP * larger) {
        return Optional.of(new Verified(item, sentence.strip()));
      }
    }
    return Optional.empty();
  }

  /** The sentences of each line, without the {@code user: } role prefix of a turn. */
  private static List<String> sentences(String text) {
    List<String> sentences = new ArrayList<>();
    for (String line : text.split("\n")) {
      int colon = line.indexOf(": ");
      boolean role = colon > 0 && colon <= 9 && line.substring(0, colon).chars().allMatch(Character::isLetter);
      sentences.addAll(SentenceSplitter.sentences(role ? line.substring(colon + 2) : line));
    }
    return sentences;
  }

  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  private static String trimQuoteMarks(String quote) {
    String text = quote.strip();
    while (text.length() > 1 && isMark(text.charAt(0)) && isMark(text.charAt(text.length() - 1))) {
      text = text.substring(1, text.length() - 1).strip();
    }
    if (text.endsWith("...") || text.endsWith("…")) {
      text = text.substring(0, text.length() - (text.endsWith("...") ? 3 : 1)).strip();
    }
    return text;
  }

  private static boolean isMark(char c) {
    return c == '"' || c == '\'' || c == '“' || c == '”' || c == '‘' || c == '’';
  }

  private static Set<String> words(String normalised) {
    Set<String> words = new HashSet<>();
    for (String word : normalised.split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }
}
