package dev.engram.bench.synthetic;

import dev.engram.bench.synthetic.Haystack.Plant;
import dev.engram.bench.synthetic.HopLoop.Direction;
import dev.engram.embed.Embedder;
import dev.engram.model.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Multi-needle sets and threads. Each round is one haystack of book sentences holding one set per
 * set size (its needles at independent random depths) and, per thread length, one thread laid out
 * forward and one laid out backward (links at sorted random depths). Sets are asked with one
 * question each; threads are walked forward and backward with the {@link HopLoop}. Not
 * thread-safe.
 */
final class ThreadsBench {
  static final String SUBJECT = "reader";

  /**
   * The bench's shape.
   *
   * @param sizeTokens haystack size per round, approx. tokens
   * @param rounds haystacks, in [1, 1000]
   * @param setSizes needles per set, each in [1, 16]
   * @param lengths links per thread, each in [1, 25]
   * @param maxHops most recalls per walk, in [1, 100]
   */
  record Config(int sizeTokens, int rounds, List<Integer> setSizes, List<Integer> lengths,
      int maxHops) {
    Config {
      Require.inRange(rounds, 1, 1000, "rounds");
      setSizes = List.copyOf(setSizes);
      lengths = List.copyOf(lengths);
      setSizes.forEach(k -> Require.inRange(k, 1, Vocabulary.THINGS.size(), "set size"));
      lengths.forEach(l -> Require.inRange(l, 1, 25, "thread length"));
      Require.inRange(maxHops, 1, 100, "maxHops");
    }
  }

  /** One round's haystack and what it holds; {@code layouts.get(i)} belongs to thread i. */
  record Round(Haystack haystack, List<NeedleSet> sets, List<NeedleThread> threads,
      List<String> layouts) {}

  /** What a run found. */
  record Result(List<HaystackInfo> haystacks, List<SetCell> sets, List<ThreadCell> threads) {}

  private final List<Book> books;
  private final Config config;
  private final long seed;

  ThreadsBench(List<Book> books, Config config, long seed) {
    this.books = List.copyOf(books);
    this.config = config;
    this.seed = seed;
  }

  /** Builds round {@code round}'s haystack; the same seed gives the same text, sets and threads. */
  Round plant(int round) {
    NeedleFactory factory = new NeedleFactory(Seeds.random(seed, "threads-facts", round));
    SplittableRandom depths = Seeds.random(seed, "threads-depths", round);
    List<Plant> plants = new ArrayList<>();
    List<NeedleSet> sets = new ArrayList<>();
    for (int k : config.setSizes()) {
      NeedleSet set = factory.set(String.format(Locale.ROOT, "set-r%d-k%d", round, k), k);
      sets.add(set);
      set.needles().forEach(n -> plants.add(new Plant(n.id(), n.fact(), depths.nextDouble())));
    }
    List<NeedleThread> threads = new ArrayList<>();
    List<String> layouts = new ArrayList<>();
    for (int length : config.lengths()) {
      for (String layout : List.of("forward", "backward")) {
        NeedleThread thread = factory.thread(
            String.format(Locale.ROOT, "thread-r%d-l%d-%s", round, length, layout), length);
        threads.add(thread);
        layouts.add(layout);
        plantThread(thread, layout, depths, plants);
      }
    }
    long plantedChars = plants.stream().mapToLong(p -> p.text().length() + 1).sum();
    Filler filler = new Filler(books, Seeds.derive(seed, "threads-filler", round));
    Haystack haystack = Haystack.plant(
        filler.take(Math.max(1, 4L * config.sizeTokens() - plantedChars)), plants);
    return new Round(haystack, sets, threads, layouts);
  }

  private static void plantThread(NeedleThread thread, String layout, SplittableRandom depths,
      List<Plant> plants) {
    double[] at = new double[thread.length()];
    for (int i = 0; i < at.length; i++) {
      at[i] = depths.nextDouble();
    }
    Arrays.sort(at);
    List<String> links = thread.links();
    for (int i = 0; i < links.size(); i++) {
      double depth = layout.equals("forward") ? at[i] : at[at.length - 1 - i];
      plants.add(new Plant(thread.id() + "-l" + i, links.get(i), depth));
    }
  }

  /** Characters all haystacks will hold, for the progress bar. */
  long totalChars() {
    return 4L * config.sizeTokens() * config.rounds();
  }

  /** Builds, remembers and probes every round. */
  Result run(Embedder embedder, String storeKind, int budget, BenchProgress progress) {
    List<HaystackInfo> haystacks = new ArrayList<>();
    List<SetCell> setCells = new ArrayList<>();
    List<ThreadCell> threadCells = new ArrayList<>();
    for (int r = 0; r < config.rounds(); r++) {
      progress.message("round " + (r + 1));
      try (BenchMemory memory = BenchMemory.open(storeKind, embedder, budget)) {
        haystacks.add(probeRound(r, memory, budget, progress, setCells, threadCells));
      }
    }
    return new Result(haystacks, setCells, threadCells);
  }

  private HaystackInfo probeRound(int r, BenchMemory memory, int budget, BenchProgress progress,
      List<SetCell> setCells, List<ThreadCell> threadCells) {
    Round round = plant(r);
    long start = System.nanoTime();
    memory.rememberParts(SUBJECT, "round-" + r, round.haystack().parts(NeedleGrid.PART_CHARS),
        progress);
    HaystackInfo info = new HaystackInfo(config.sizeTokens(), r, round.haystack().chars(),
        round.haystack().tokens(), memory.items(SUBJECT), round.haystack().planted().size(),
        (System.nanoTime() - start) / 1e9);
    NeedleProbe probe = new NeedleProbe(memory.engram(), SUBJECT, budget);
    for (NeedleSet set : round.sets()) {
      setCells.add(askSet(r, set, probe));
    }
    HopLoop loop = new HopLoop(memory.engram(), SUBJECT, budget, config.maxHops());
    for (int t = 0; t < round.threads().size(); t++) {
      for (Direction direction : Direction.values()) {
        threadCells.add(walk(r, round.threads().get(t), round.layouts().get(t), direction, loop));
      }
    }
    return info;
  }

  private static SetCell askSet(int round, NeedleSet set, NeedleProbe probe) {
    NeedleProbe.Outcome outcome = probe.ask(set.question(), set.needles());
    int inContext = (int) outcome.found().stream().filter(f -> f.position() > 0).count();
    int inAnswer = (int) outcome.answered().stream().filter(a -> a).count();
    int k = set.needles().size();
    return new SetCell(round, set.id(), k, inContext, inContext == k, inAnswer, outcome.found(),
        outcome.mode(), outcome.millis());
  }

  static ThreadCell walk(int round, NeedleThread thread, String layout, Direction direction,
      HopLoop loop) {
    List<String> expected = new ArrayList<>(thread.keys());
    if (direction == Direction.BACKWARD) {
      java.util.Collections.reverse(expected);
    }
    HopLoop.Trace trace = loop.follow(expected.get(0), direction);
    int correct = 0;
    while (correct < trace.found().size() && correct + 1 < expected.size()
        && trace.found().get(correct).equals(expected.get(correct + 1))) {
      correct++;
    }
    Sighting miss = correct == thread.length() ? null
        : loop.sight(expected.get(correct), expected.get(correct + 1), direction);
    return new ThreadCell(round, thread.id(), thread.length(), layout,
        direction.name().toLowerCase(Locale.ROOT), correct, correct == thread.length(),
        trace.hops(), miss, trace.millis());
  }
}
