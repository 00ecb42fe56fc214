package dev.engram.bench.synthetic;

import dev.engram.Engram;
import dev.engram.bench.synthetic.TimelineLocator.Position;
import dev.engram.embed.Embedder;
import dev.engram.model.Document;
import dev.engram.model.Require;
import dev.engram.read.Context;
import dev.engram.read.RecallRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * SORT-style sequence-order recall. Each excerpt (consecutive words of one book) is remembered as
 * one document; pairs of segments are drawn at distances binned against the excerpt length as in
 * SORT ([L_S, L_E/4), [L_E/4, L_E/3), [L_E/3, L_E/2), [L_E/2, L_E)), shown in random order, and
 * asked "Which came first: A or B?". The answer compares the timeline positions of the recalled
 * items that hold the segments; a segment missing from the context gets one more recall with
 * itself as the query. Not thread-safe.
 */
final class OrderBench {
  /** Bin names, in order. */
  static final List<String> BINS = List.of("<1/4", "1/4-1/3", "1/3-1/2", ">=1/2");

  /**
   * The bench's shape.
   *
   * @param excerpts excerpts, in [1, 1000]; excerpt i comes from book i modulo the books, in a
   *     seeded book order
   * @param excerptWords words per excerpt (L_E), in [100, 1,000,000]
   * @param segmentWords segment lengths (L_S) drawn per pair, each in [1, 500]
   * @param pairsPerBin questions per bin and excerpt, in [1, 10,000]
   */
  record Config(int excerpts, int excerptWords, List<Integer> segmentWords, int pairsPerBin) {
    Config {
      Require.inRange(excerpts, 1, 1000, "excerpts");
      Require.inRange(excerptWords, 100, 1_000_000, "excerptWords");
      segmentWords = List.copyOf(segmentWords);
      segmentWords.forEach(s -> Require.inRange(s, 1, 500, "segmentWords"));
      if (segmentWords.isEmpty() || 4 * segmentWords.stream().mapToInt(s -> s).max().orElse(0)
          > excerptWords) {
        throw new IllegalArgumentException("segments must be at most a quarter of the excerpt "
            + "(" + excerptWords + " words), were " + segmentWords);
      }
      Require.inRange(pairsPerBin, 1, 10_000, "pairsPerBin");
    }
  }

  /** A question about two segments of one excerpt; {@code aFirst} says which is shown as A. */
  record Pair(int first, int second, int words, String bin, boolean aFirst) {}

  private final List<Book> books;
  private final Config config;
  private final long seed;

  OrderBench(List<Book> books, Config config, long seed) {
    this.books = List.copyOf(books);
    this.config = config;
    this.seed = seed;
  }

  /** Excerpt {@code index}; the same seed gives the same words. */
  Excerpt excerpt(int index) {
    List<Book> order = new ArrayList<>(books);
    SplittableRandom shuffle = Seeds.random(seed, "order-books");
    for (int i = order.size() - 1; i > 0; i--) {
      int j = shuffle.nextInt(i + 1);
      order.set(j, order.set(i, order.get(j)));
    }
    return Excerpt.from("excerpt-" + index, order.get(index % order.size()),
        config.excerptWords(), Seeds.random(seed, "order-excerpt", index));
  }

  /** The questions about excerpt {@code index}, bin by bin. */
  List<Pair> pairs(int index, Excerpt excerpt) {
    SplittableRandom random = Seeds.random(seed, "order-pairs", index);
    int length = excerpt.words().size();
    List<Pair> pairs = new ArrayList<>();
    for (int bin = 0; bin < BINS.size(); bin++) {
      for (int i = 0; i < config.pairsPerBin(); i++) {
        int words = config.segmentWords().get(random.nextInt(config.segmentWords().size()));
        int[] range = distances(bin, length, words);
        if (range[1] <= range[0]) {
          continue;
        }
        int distance = range[0] + random.nextInt(range[1] - range[0]);
        int first = random.nextInt(length - words - distance + 1);
        pairs.add(new Pair(first, first + distance, words, BINS.get(bin), random.nextBoolean()));
      }
    }
    return pairs;
  }

  /**
   * Start-to-start distances {@code [from, to)} of a bin: at least one segment apart (segments do
   * not overlap) and small enough that the second segment ends inside the excerpt.
   */
  static int[] distances(int bin, int length, int words) {
    double[] bounds = {0, 1 / 4.0, 1 / 3.0, 1 / 2.0, 1};
    int from = Math.max(words, (int) Math.ceil(length * bounds[bin]));
    int to = bin == BINS.size() - 1 ? length - words + 1
        : Math.min(length - words + 1, (int) Math.ceil(length * bounds[bin + 1]));
    return new int[] {from, to};
  }

  /** Remembers every excerpt and asks its questions. */
  List<OrderCell> run(Embedder embedder, String storeKind, int budget, BenchProgress progress) {
    List<OrderCell> cells = new ArrayList<>();
    for (int e = 0; e < config.excerpts(); e++) {
      Excerpt excerpt = excerpt(e);
      try (BenchMemory memory = BenchMemory.open(storeKind, embedder, budget)) {
        memory.engram().remember(excerpt.id(), new Document(excerpt.id(), excerpt.text(), null));
        SplittableRandom coin = Seeds.random(seed, "order-coin", e);
        for (Pair pair : pairs(e, excerpt)) {
          cells.add(ask(memory.engram(), excerpt, pair, budget, coin));
          progress.step(1);
        }
      }
    }
    return cells;
  }

  private static OrderCell ask(Engram engram, Excerpt excerpt, Pair pair, int budget,
      SplittableRandom coin) {
    String early = excerpt.segment(pair.first(), pair.words());
    String late = excerpt.segment(pair.second(), pair.words());
    String a = pair.aFirst() ? early : late;
    String b = pair.aFirst() ? late : early;
    long start = System.nanoTime();
    Context context = engram.recall(excerpt.id(), RecallRequest
        .of("Which came first in the text: \"" + a + "\" or \"" + b + "\"?").withBudget(budget));
    Position pa = TimelineLocator.locate(context, a);
    Position pb = TimelineLocator.locate(context, b);
    int fallbacks = 0;
    if (pa == null) {
      pa = alone(engram, excerpt.id(), a, budget);
      fallbacks++;
    }
    if (pb == null) {
      pb = alone(engram, excerpt.id(), b, budget);
      fallbacks++;
    }
    boolean saysA = pa != null && pb != null && pa.compareTo(pb) != 0
        ? pa.compareTo(pb) < 0 : coin.nextBoolean();
    int located = (pa == null ? 0 : 1) + (pb == null ? 0 : 1);
    return new OrderCell(excerpt.id(), pair.words(), pair.second() - pair.first(), pair.bin(),
        saysA == pair.aFirst(), located, fallbacks, (System.nanoTime() - start) / 1e6);
  }

  private static Position alone(Engram engram, String subject, String segment, int budget) {
    Context context = engram.recall(subject, RecallRequest.of(segment).withBudget(budget));
    return TimelineLocator.locate(context, segment);
  }

  /** Questions the run will ask, for the progress bar (bins that cannot fit are skipped). */
  long questions() {
    return (long) config.excerpts() * BINS.size() * config.pairsPerBin();
  }
}
