package dev.engram.bench.synthetic;

import dev.engram.bench.synthetic.Haystack.Plant;
import dev.engram.bench.synthetic.Haystack.Planted;
import dev.engram.embed.Embedder;
import dev.engram.model.Require;
import java.util.ArrayList;
import java.util.List;

/**
 * The needle grid. For each size and repeat: one haystack of book sentences (seeded), one distinct
 * needle per depth planted in it (multi-insert: each needle has its own person and template, so no
 * needle answers another's question), remembered as documents of {@value #PART_CHARS} characters
 * (pages inside), then each needle asked on its own. Not thread-safe.
 */
final class NeedleGrid {
  /** The subject whose memory holds the haystack. */
  static final String SUBJECT = "reader";
  /** Characters per remembered document; several per haystack keep the progress bar moving. */
  static final int PART_CHARS = 64_000;

  /**
   * The grid's shape.
   *
   * @param sizes haystack sizes in approximate tokens, at least one
   * @param depths needle depths in percent, distinct, each in [0, 100]
   * @param repeats haystacks per size, in [1, 100], each with its own filler and needles
   */
  record Config(List<Integer> sizes, List<Integer> depths, int repeats) {
    Config {
      sizes = List.copyOf(sizes);
      depths = List.copyOf(depths);
      if (sizes.isEmpty() || depths.isEmpty()) {
        throw new IllegalArgumentException("sizes and depths must not be empty");
      }
      if (depths.stream().distinct().count() != depths.size()) {
        throw new IllegalArgumentException("depths must be distinct, were " + depths);
      }
      Require.inRange(repeats, 1, 100, "repeats");
    }
  }

  /** A haystack with its needles, before it is remembered. */
  record Planting(Haystack haystack, List<Needle> needles) {}

  /** What a run found. */
  record Result(List<HaystackInfo> haystacks, List<NeedleCell> cells) {}

  private final List<Book> books;
  private final Config config;
  private final long seed;

  NeedleGrid(List<Book> books, Config config, long seed) {
    this.books = List.copyOf(books);
    this.config = config;
    this.seed = seed;
  }

  /** Builds the haystack of one size and repeat; the same seed gives the same text and needles. */
  Planting plant(int size, int repeat) {
    NeedleFactory factory = new NeedleFactory(Seeds.random(seed, "needle-facts", size, repeat));
    List<Needle> needles = new ArrayList<>();
    List<Plant> plants = new ArrayList<>();
    long needleChars = 0;
    for (int depth : config.depths()) {
      Needle needle = factory.needle(
          "n-" + TokenSizes.label(size) + "-r" + repeat + "-d" + depth);
      needles.add(needle);
      plants.add(new Plant(needle.id(), needle.fact(), depth / 100.0));
      needleChars += needle.fact().length() + 1;
    }
    long fillerChars = Math.max(1, 4L * size - needleChars);
    Filler filler = new Filler(books, Seeds.derive(seed, "needle-filler", size, repeat));
    return new Planting(Haystack.plant(filler.take(fillerChars), plants), needles);
  }

  /** Characters all haystacks will hold, for the progress bar. */
  long totalChars() {
    return config.sizes().stream().mapToLong(size -> 4L * size * config.repeats()).sum();
  }

  /** Builds, remembers and probes every haystack. */
  Result run(Embedder embedder, String storeKind, int budget, BenchProgress progress) {
    List<HaystackInfo> haystacks = new ArrayList<>();
    List<NeedleCell> cells = new ArrayList<>();
    for (int size : config.sizes()) {
      for (int repeat = 0; repeat < config.repeats(); repeat++) {
        progress.message(TokenSizes.label(size) + " r" + repeat);
        Planting planting = plant(size, repeat);
        try (BenchMemory memory = BenchMemory.open(storeKind, embedder, budget)) {
          long start = System.nanoTime();
          memory.rememberParts(SUBJECT, "hay-" + TokenSizes.label(size) + "-r" + repeat,
              planting.haystack().parts(PART_CHARS), progress);
          double seconds = (System.nanoTime() - start) / 1e9;
          Haystack haystack = planting.haystack();
          haystacks.add(new HaystackInfo(size, repeat, haystack.chars(), haystack.tokens(),
              memory.items(SUBJECT), planting.needles().size(), seconds));
          NeedleProbe probe = new NeedleProbe(memory.engram(), SUBJECT, budget);
          for (int i = 0; i < planting.needles().size(); i++) {
            cells.add(cell(size, repeat, config.depths().get(i), planting, i, probe));
          }
        }
      }
    }
    return new Result(haystacks, cells);
  }

  private static NeedleCell cell(int size, int repeat, int depth, Planting planting, int index,
      NeedleProbe probe) {
    Needle needle = planting.needles().get(index);
    Planted planted = planting.haystack().planted().stream()
        .filter(p -> p.id().equals(needle.id())).findFirst().orElseThrow();
    NeedleProbe.Outcome outcome = probe.ask(needle.question(), List.of(needle));
    Sighting found = outcome.found().get(0);
    return new NeedleCell(size, repeat, depth, needle.id(), needle.question(), needle.answer(),
        planted.actualDepth(), planted.charOffset(), found.packed(), found.position(),
        outcome.packedItems(), found, outcome.answered().get(0), outcome.mode(),
        outcome.tokens(), outcome.millis());
  }
}
