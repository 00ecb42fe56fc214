package dev.engram.reader;

import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.read.Context;
import dev.engram.read.PackedItem;
import dev.engram.text.SentenceSplitter;
import dev.engram.text.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline reader: answers with the packed sentences that best cover the question's words,
 * weighted by how rare each word is in the context (idf), and abstains when no sentence covers
 * enough of them. Needs no model weights. Thread-safe (stateless).
 *
 * <p>A sentence's support is the idf-weighted share of the question's terms it contains, in
 * [0, 1], plus a small bonus for items retrieval ranked higher. The answer is the best sentence,
 * followed by the next sentence of the same turn when the best one is itself a question (in chat
 * the answer often follows it), plus up to {@code extraSentences} other sentences whose support is
 * at least 80% of the best.
 */
public final class ExtractiveReader implements Reader {
  /** Default minimum support below which the reader abstains. */
  public static final double DEFAULT_THRESHOLD = 0.3;

  private final double threshold;
  private final int extraSentences;

  /** A reader with the default threshold and up to two extra sentences. */
  public ExtractiveReader() {
    this(DEFAULT_THRESHOLD, 2);
  }

  /**
   * @param threshold minimum support in [0, 1] to answer rather than abstain
   * @param extraSentences further supporting sentences to add, in [0, 10]
   */
  public ExtractiveReader(double threshold, int extraSentences) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], was " + threshold);
    }
    this.threshold = threshold;
    this.extraSentences = Require.inRange(extraSentences, 0, 10, "extraSentences");
  }

  @Override
  public Answer answer(String question, Context context) {
    Require.nonBlank(question, "question");
    Set<String> asked = new HashSet<>(Terms.of(question));
    List<Sentence> sentences = sentences(context);
    if (asked.isEmpty() || sentences.isEmpty()) {
      return Answer.abstain("extractive", 0);
    }
    Map<String, Double> idf = idf(sentences, asked);
    double total = asked.stream().mapToDouble(idf::get).sum();
    for (Sentence s : sentences) {
      double covered = 0;
      for (String term : asked) {
        if (s.terms.contains(term)) {
          covered += idf.get(term);
        }
      }
      s.support = covered / total;
      s.score = s.support + 0.05 / s.rank;
    }
    List<Sentence> ranked = new ArrayList<>(sentences);
    ranked.sort(Comparator.comparingDouble((Sentence s) -> -s.score).thenComparingInt(s -> s.order));
    Sentence best = ranked.get(0);
    if (best.support < threshold) {
      return Answer.abstain("extractive", best.support);
    }
    return compose(best, ranked, sentences);
  }

  private Answer compose(Sentence best, List<Sentence> ranked, List<Sentence> all) {
    List<Sentence> chosen = new ArrayList<>();
    chosen.add(best);
    if (best.text.endsWith("?") && best.order + 1 < all.size()
        && all.get(best.order + 1).item == best.item) {
      chosen.add(all.get(best.order + 1));
    }
    for (Sentence s : ranked.subList(1, ranked.size())) {
      if (chosen.size() >= 1 + extraSentences || s.score < 0.8 * best.score) {
        break;
      }
      if (!chosen.contains(s)) {
        chosen.add(s);
      }
    }
    Map<String, Citation> citations = new LinkedHashMap<>();
    StringBuilder text = new StringBuilder();
    for (Sentence s : chosen) {
      text.append(text.length() == 0 ? "" : " ").append(s.text);
      citations.putIfAbsent(s.item.id(), Citation.of(s.item, s.text));
    }
    return new Answer(text.toString(), false, Math.min(1, best.support),
        new ArrayList<>(citations.values()), "extractive");
  }

  private static Map<String, Double> idf(List<Sentence> sentences, Set<String> asked) {
    Map<String, Integer> df = new HashMap<>();
    for (Sentence s : sentences) {
      for (String term : asked) {
        if (s.terms.contains(term)) {
          df.merge(term, 1, Integer::sum);
        }
      }
    }
    Map<String, Double> idf = new HashMap<>();
    int n = sentences.size();
    // A question word found nowhere weighs most: memory that lacks it should not answer.
    for (String term : asked) {
      idf.put(term, Math.log(1 + n / (df.getOrDefault(term, 0) + 0.5)));
    }
    return idf;
  }

  private static List<Sentence> sentences(Context context) {
    List<Sentence> out = new ArrayList<>();
    for (PackedItem packed : context.items()) {
      int rank = Math.max(1, packed.rank());
      for (String line : packed.item().text().split("\n")) {
        String body = stripRole(line);
        for (String sentence : SentenceSplitter.sentences(body)) {
          out.add(new Sentence(packed.item(), sentence, rank, out.size()));
        }
      }
    }
    return out;
  }

  private static String stripRole(String line) {
    int colon = line.indexOf(": ");
    if (colon > 0 && colon <= 9 && line.substring(0, colon).chars().allMatch(Character::isLetter)) {
      return line.substring(colon + 2);
    }
    return line;
  }

  private static final class Sentence {
    final MemoryItem item;
    final String text;
    final Set<String> terms;
    final int rank;
    final int order;
    double support;
    double score;

    Sentence(MemoryItem item, String text, int rank, int order) {
      this.item = item;
      this.text = text;
      this.terms = new HashSet<>(Terms.of(text));
      this.rank = rank;
      this.order = order;
    }
  }
}
