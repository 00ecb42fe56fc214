package dev.engram.reader;

import dev.engram.embed.Embedder;
import dev.engram.embed.Vectors;
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
 * [0, 1]; with an {@link Embedder}, the sentences of the best-ranked items are also embedded and a
 * sentence that says the same thing in other words ("beagle" for "dog") is supported by its cosine
 * to the question, rescaled so that {@value #COSINE_FLOOR} counts as 0 and
 * {@value #COSINE_FULL} as 1, times {@value #SEMANTIC_WEIGHT}; the larger of the two wins. A small bonus goes to items retrieval
 * ranked higher. The answer is the best sentence,
 * followed by the next sentence of the same turn when the best one is itself a question (in chat
 * the answer often follows it), plus up to {@code extraSentences} other sentences whose support is
 * at least 80% of the best.
 */
public final class ExtractiveReader implements Reader {
  /** Default minimum support below which the reader abstains. */
  public static final double DEFAULT_THRESHOLD = 0.3;

  /** Cosine at or below which a sentence gets no semantic support. */
  public static final double COSINE_FLOOR = 0.45;
  /** Cosine at or above which a sentence gets full semantic support. */
  public static final double COSINE_FULL = 0.75;
  /** Items (best ranked first) whose sentences are embedded for semantic support. */
  static final int SEMANTIC_ITEMS = 5;
  /**
   * Semantic support counts for less than word overlap: a sentence on the same topic is close in
   * meaning to the question without answering it, while the question's own words rarely are.
   */
  static final double SEMANTIC_WEIGHT = 0.6;

  private final double threshold;
  private final int extraSentences;
  private final Embedder embedder;

  /** A lexical-only reader with the default threshold and up to two extra sentences. */
  public ExtractiveReader() {
    this(DEFAULT_THRESHOLD, 2, null);
  }

  /** A reader that also scores sentences by meaning with {@code embedder}. */
  public ExtractiveReader(Embedder embedder) {
    this(DEFAULT_THRESHOLD, 2, Require.nonNull(embedder, "embedder"));
  }

  /**
   * @param threshold minimum support in [0, 1] to answer rather than abstain
   * @param extraSentences further supporting sentences to add, in [0, 10]
   * @param embedder for semantic support, or null for lexical support only
   */
  public ExtractiveReader(double threshold, int extraSentences, Embedder embedder) {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], was " + threshold);
    }
    this.threshold = threshold;
    this.extraSentences = Require.inRange(extraSentences, 0, 10, "extraSentences");
    this.embedder = embedder;
  }

  @Override
  public Answer answer(String question, Context context) {
    Require.nonBlank(question, "question");
    Set<String> asked = questionTerms(question);
    List<Sentence> sentences = sentences(context);
    if (asked.isEmpty() || sentences.isEmpty()) {
      return Answer.abstain("extractive", 0);
    }
    Map<String, Double> idf = idf(sentences, asked);
    double total = asked.stream().mapToDouble(idf::get).sum();
    for (Sentence s : sentences) {
      s.support = coverage(s.terms, asked, idf) / total;
    }
    pairUp(sentences, asked, idf, total);
    if (embedder != null) {
      addSemanticSupport(question, sentences);
    }
    for (Sentence s : sentences) {
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
    if (best.pair != null) {
      chosen.add(best.pair);
    } else if (best.text.endsWith("?") && best.order + 1 < all.size()
        && all.get(best.order + 1).item == best.item) {
      chosen.add(all.get(best.order + 1));
    }
    for (Sentence s : ranked.subList(1, ranked.size())) {
      if (chosen.size() >= 1 + extraSentences || s.score < 0.8 * best.score) {
        break;
      }
      if (!chosen.contains(s)) {
        chosen.add(s);
        if (s.pair != null && !chosen.contains(s.pair)) {
          chosen.add(s.pair);
        }
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

  private static double coverage(Set<String> terms, Set<String> asked, Map<String, Double> idf) {
    double covered = 0;
    for (String term : asked) {
      if (terms.contains(term)) {
        covered += idf.get(term);
      }
    }
    return covered;
  }

  /**
   * Lets a sentence and the next one of the same line (turn or paragraph) answer together when together they cover
   * more of the question ("Yes, a carpenter called Tomasz. He starts on the 15th."). A pair is
   * discounted a little, so a single sentence that says as much wins.
   */
  private static void pairUp(
      List<Sentence> sentences, Set<String> asked, Map<String, Double> idf, double total) {
    for (int i = 0; i + 1 < sentences.size(); i++) {
      Sentence first = sentences.get(i);
      Sentence second = sentences.get(i + 1);
      if (first.item != second.item || first.line != second.line) {
        continue;
      }
      Set<String> union = new HashSet<>(first.terms);
      union.addAll(second.terms);
      double together = 0.95 * coverage(union, asked, idf) / total;
      if (together > first.support && together > second.support) {
        first.support = together;
        first.pair = second;
      }
    }
  }

  private void addSemanticSupport(String question, List<Sentence> sentences) {
    List<Sentence> best = new ArrayList<>();
    for (Sentence s : sentences) {
      if (s.rank <= SEMANTIC_ITEMS) {
        best.add(s);
      }
    }
    if (best.isEmpty()) {
      return;
    }
    float[] asked = embedder.embedQuery(question);
    float[][] vectors = embedder.embed(best.stream().map(s -> s.text).toList());
    for (int i = 0; i < vectors.length; i++) {
      double cosine = Vectors.dot(asked, vectors[i]);
      double semantic = (cosine - COSINE_FLOOR) / (COSINE_FULL - COSINE_FLOOR);
      double weighted = SEMANTIC_WEIGHT * Math.min(1, Math.max(0, semantic));
      best.get(i).support = Math.max(best.get(i).support, weighted);
    }
  }

  /**
   * The question's terms without words that name the kind of answer wanted ("what colour", "how
   * many", "what time"): answers rarely repeat them ("green", "three", "at 9"), so requiring them
   * would make the reader abstain on answerable questions. Kept when nothing else is left.
   */
  private static Set<String> questionTerms(String question) {
    Set<String> terms = new HashSet<>(Terms.of(question));
    Set<String> content = new HashSet<>(terms);
    content.removeAll(ANSWER_TYPE_WORDS);
    return content.isEmpty() ? terms : content;
  }

  private static final Set<String> ANSWER_TYPE_WORDS = Set.of(
      "colour", "color", "name", "call", "called", "kind", "type", "time", "date", "day", "year",
      "many", "much", "long", "old", "number", "often", "happen", "happened");

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
      int line = 0;
      for (String text : packed.item().text().split("\n")) {
        String body = stripRole(text);
        line++;
        for (String sentence : SentenceSplitter.sentences(body)) {
          if (!sentence.startsWith("#")) { // a Markdown heading names a topic, it answers nothing
            out.add(new Sentence(packed.item(), sentence, rank, line, out.size()));
          }
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
    final int line;
    final int order;
    double support;
    double score;
    Sentence pair;

    Sentence(MemoryItem item, String text, int rank, int line, int order) {
      this.item = item;
      this.text = text;
      this.terms = new HashSet<>(Terms.of(text));
      this.rank = rank;
      this.line = line;
      this.order = order;
    }
  }
}
