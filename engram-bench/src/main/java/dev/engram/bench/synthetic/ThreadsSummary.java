package dev.engram.bench.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * The multi-needle and thread aggregates.
 *
 * @param sets per set size
 * @param threads per thread length, layout and walking direction
 * @param setMisses why set needles were missing from their contexts
 * @param threadMisses why walks stopped: where the missing link stood when its hop was re-asked
 */
record ThreadsSummary(List<SetRate> sets, List<ThreadRate> threads, MissCauses setMisses,
    MissCauses threadMisses) {

  /**
   * Sets of one size.
   *
   * @param k needles per set
   * @param allInContext sets with every needle in the packed context
   * @param meanRecall mean share of a set's needles in the context
   * @param meanReaderRecall mean share of a set's values in the reader's answer
   */
  record SetRate(int k, Rate allInContext, double meanRecall, double meanReaderRecall) {}

  /**
   * Threads of one length, layout and direction.
   *
   * @param links links per thread
   * @param layout {@code forward} or {@code backward} placement in the haystack
   * @param direction {@code forward} or {@code backward} walk
   * @param allFound walks that found every link
   * @param meanLinkAccuracy mean share of links found in order
   * @param meanHops mean recalls per walk
   */
  record ThreadRate(int links, String layout, String direction, Rate allFound,
      double meanLinkAccuracy, double meanHops) {}

  static ThreadsSummary of(List<SetCell> setCells, List<ThreadCell> threadCells,
      List<Integer> setSizes, List<Integer> lengths) {
    List<SetRate> sets = new ArrayList<>();
    for (int k : setSizes) {
      List<SetCell> in = setCells.stream().filter(c -> c.k() == k).toList();
      sets.add(new SetRate(k,
          Rate.of((int) in.stream().filter(SetCell::allInContext).count(), in.size()),
          in.stream().mapToDouble(c -> (double) c.inContext() / k).average().orElse(0),
          in.stream().mapToDouble(c -> (double) c.inAnswer() / k).average().orElse(0)));
    }
    List<ThreadRate> threads = new ArrayList<>();
    for (int links : lengths) {
      for (String layout : List.of("forward", "backward")) {
        for (String direction : List.of("forward", "backward")) {
          List<ThreadCell> in = threadCells.stream().filter(c -> c.links() == links
              && c.layout().equals(layout) && c.direction().equals(direction)).toList();
          threads.add(new ThreadRate(links, layout, direction,
              Rate.of((int) in.stream().filter(ThreadCell::allFound).count(), in.size()),
              in.stream().mapToDouble(c -> (double) c.linksFound() / links).average().orElse(0),
              in.stream().mapToDouble(ThreadCell::hops).average().orElse(0)));
        }
      }
    }
    return new ThreadsSummary(sets, threads,
        MissCauses.of(setCells.stream().flatMap(c -> c.needles().stream()).toList()),
        MissCauses.of(threadCells.stream().map(ThreadCell::miss).toList()));
  }

  /** Share of all walks that found every link. */
  Rate allThreads() {
    int found = threads.stream().mapToInt(t -> t.allFound().successes()).sum();
    return Rate.of(found, threads.stream().mapToInt(t -> t.allFound().n()).sum());
  }
}
