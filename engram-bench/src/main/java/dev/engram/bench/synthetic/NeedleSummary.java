package dev.engram.bench.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The needle grid's aggregates.
 *
 * @param grid per size and depth: retrieval and reader hit rates over the repeats
 * @param bySize per size, over all depths
 * @param positionCurve per depth, over all sizes and repeats, with the mean relative position of
 *     the needle's item in the context (0 = first, 1 = last; null when never packed)
 * @param midDrop the mid-sequence drop
 * @param misses why needles were missing from their contexts
 */
record NeedleSummary(List<GridRate> grid, List<SizeRate> bySize, List<DepthRate> positionCurve,
    MidDrop midDrop, MissCauses misses) {

  /** Rates of one size and depth. */
  record GridRate(int sizeTokens, int depth, Rate retrieval, Rate reader) {}

  /** Rates of one size, with its mean recall latency. */
  record SizeRate(int sizeTokens, Rate retrieval, Rate reader, double meanRecallMillis) {}

  /** Rates of one depth. */
  record DepthRate(int depth, Rate retrieval, Rate reader, Double meanRelativePosition) {}

  /**
   * Mean hit rate of mid depths (30-70%) against edge depths (0-10% and 90-100%); a positive
   * drop means needles in the middle are found less often ("lost in the middle").
   */
  record MidDrop(Rate edgeRetrieval, Rate midRetrieval, double retrievalDrop, Rate edgeReader,
      Rate midReader, double readerDrop) {}

  static NeedleSummary of(List<NeedleCell> cells, List<Integer> sizes, List<Integer> depths) {
    List<GridRate> grid = new ArrayList<>();
    List<SizeRate> bySize = new ArrayList<>();
    for (int size : sizes) {
      for (int depth : depths) {
        List<NeedleCell> in = select(cells, c -> c.sizeTokens() == size && c.depth() == depth);
        grid.add(new GridRate(size, depth, retrieval(in), reader(in)));
      }
      List<NeedleCell> in = select(cells, c -> c.sizeTokens() == size);
      bySize.add(new SizeRate(size, retrieval(in), reader(in),
          in.stream().mapToDouble(NeedleCell::recallMillis).average().orElse(0)));
    }
    List<DepthRate> curve = new ArrayList<>();
    for (int depth : depths) {
      List<NeedleCell> in = select(cells, c -> c.depth() == depth);
      curve.add(new DepthRate(depth, retrieval(in), reader(in), relativePosition(in)));
    }
    List<NeedleCell> edge = select(cells, c -> c.depth() <= 10 || c.depth() >= 90);
    List<NeedleCell> mid = select(cells, c -> c.depth() >= 30 && c.depth() <= 70);
    MidDrop drop = new MidDrop(retrieval(edge), retrieval(mid),
        retrieval(edge).rate() - retrieval(mid).rate(), reader(edge), reader(mid),
        reader(edge).rate() - reader(mid).rate());
    return new NeedleSummary(grid, bySize, curve, drop,
        MissCauses.of(cells.stream().map(NeedleCell::sighting).toList()));
  }

  private static List<NeedleCell> select(List<NeedleCell> cells, Predicate<NeedleCell> which) {
    return cells.stream().filter(which).toList();
  }

  private static Rate retrieval(List<NeedleCell> cells) {
    return Rate.of((int) cells.stream().filter(NeedleCell::retrievalHit).count(), cells.size());
  }

  private static Rate reader(List<NeedleCell> cells) {
    return Rate.of((int) cells.stream().filter(NeedleCell::readerHit).count(), cells.size());
  }

  private static Double relativePosition(List<NeedleCell> cells) {
    java.util.OptionalDouble mean = cells.stream().filter(NeedleCell::retrievalHit)
        .mapToDouble(c -> c.packedItems() <= 1 ? 0
            : (c.packedPosition() - 1) / (double) (c.packedItems() - 1))
        .average();
    return mean.isPresent() ? mean.getAsDouble() : null;
  }
}
