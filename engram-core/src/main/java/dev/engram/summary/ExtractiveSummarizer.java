package dev.engram.summary;

import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.model.TokenEstimate;
import dev.engram.retain.Salience;
import dev.engram.text.SentenceSplitter;
import dev.engram.text.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The offline {@link Summarizer} (research.md F1): splits the items into sentences (dropping
 * role prefixes and very short or very long sentences), scores each by salience (F2) times
 * centrality (cosine of its term counts with the term counts of all the items), and keeps the
 * best sentences that fit the cap, in their original order. Verbatim, so a summary only ever
 * repeats what was said. Stateless and thread-safe.
 */
public final class ExtractiveSummarizer implements Summarizer {
  private static final int MIN_SENTENCE_CHARS = 12;
  private static final int MAX_SENTENCE_CHARS = 400;
  private static final Pattern ROLE_PREFIX = Pattern.compile("^(user|assistant|system): ");

  @Override
  public String summarize(List<MemoryItem> items, int maxTokens) {
    Require.inRange(maxTokens, 1, Integer.MAX_VALUE, "maxTokens");
    List<String> sentences = new ArrayList<>();
    for (MemoryItem item : items) {
      for (String line : item.text().split("\n")) {
        String body = ROLE_PREFIX.matcher(line).replaceFirst("");
        for (String sentence : SentenceSplitter.sentences(body)) {
          String clean = sentence.strip();
          if (clean.length() >= MIN_SENTENCE_CHARS && clean.length() <= MAX_SENTENCE_CHARS) {
            sentences.add(clean);
          }
        }
      }
    }
    if (sentences.isEmpty()) {
      return "";
    }
    // Each sentence is analysed once: the salience statistics and the centroid both count them.
    List<List<String>> terms = sentences.stream().map(Terms::of).toList();
    Salience salience = Salience.ofTerms(terms);
    Map<String, Integer> centroid = new HashMap<>();
    terms.forEach(sentence -> counts(sentence, centroid));
    double centroidNorm = norm(centroid);
    List<Integer> order = new ArrayList<>();
    double[] score = new double[sentences.size()];
    for (int i = 0; i < sentences.size(); i++) {
      order.add(i);
      score[i] = salience.terms(terms.get(i))
          * cosine(counts(terms.get(i), new HashMap<>()), centroid, centroidNorm);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
    List<Integer> chosen = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int used = 0;
    for (int i : order) {
      int cost = TokenEstimate.of(sentences.get(i) + " ");
      if (used + cost <= maxTokens && seen.add(sentences.get(i))) {
        chosen.add(i);
        used += cost;
      }
    }
    chosen.sort(Integer::compare);
    StringBuilder text = new StringBuilder();
    for (int i : chosen) {
      text.append(text.length() == 0 ? "" : " ").append(sentences.get(i));
    }
    return text.toString();
  }

  private static Map<String, Integer> counts(List<String> terms, Map<String, Integer> into) {
    for (String term : terms) {
      into.merge(term, 1, Integer::sum);
    }
    return into;
  }

  private static double cosine(Map<String, Integer> a, Map<String, Integer> b, double normB) {
    double dot = 0;
    for (Map.Entry<String, Integer> entry : a.entrySet()) {
      dot += entry.getValue() * (double) b.getOrDefault(entry.getKey(), 0);
    }
    double norms = norm(a) * normB;
    return norms == 0 ? 0 : dot / norms;
  }

  private static double norm(Map<String, Integer> counts) {
    double sum = 0;
    for (int count : counts.values()) {
      sum += (double) count * count;
    }
    return Math.sqrt(sum);
  }
}
