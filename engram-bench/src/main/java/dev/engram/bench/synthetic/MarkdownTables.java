package dev.engram.bench.synthetic;

import dev.engram.bench.synthetic.NeedleSummary.GridRate;
import java.util.List;
import java.util.Locale;

/** Markdown pieces the generator reports share. Stateless. */
final class MarkdownTables {
  private MarkdownTables() {}

  /** One line naming the run's settings and wall time. */
  static String runLine(RunInfo run) {
    return String.format(Locale.ROOT, "Generator `%s`, seed %d, embedder `%s` (%d-d), store `%s`, "
        + "budget %,d tokens, books %s. Started %s, wall time %.1f s.  %nCommand: `%s`",
        run.generator(), run.seed(), run.embedder(), run.dimension(), run.store(), run.budget(),
        String.join(", ", run.books()), run.startedAt(), run.wallSeconds(), run.command());
  }

  /** A size x depth table of hit rates. */
  static String grid(List<Integer> sizes, List<Integer> depths, List<GridRate> rates,
      boolean retrieval) {
    StringBuilder md = new StringBuilder("| size |");
    StringBuilder rule = new StringBuilder("|---|");
    for (int depth : depths) {
      md.append(' ').append(depth).append("% |");
      rule.append("---|");
    }
    md.append('\n').append(rule).append('\n');
    for (int size : sizes) {
      md.append("| ").append(TokenSizes.label(size)).append(" |");
      for (int depth : depths) {
        Rate rate = rates.stream()
            .filter(r -> r.sizeTokens() == size && r.depth() == depth)
            .map(r -> retrieval ? r.retrieval() : r.reader()).findFirst().orElseThrow();
        md.append(String.format(Locale.ROOT, " %.2f |", rate.rate()));
      }
      md.append('\n');
    }
    return md.toString();
  }
}
