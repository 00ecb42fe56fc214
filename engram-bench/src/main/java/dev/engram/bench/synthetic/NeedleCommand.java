package dev.engram.bench.synthetic;

import dev.engram.embed.Embedder;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code engram bench needle}: the needle grid (depth x haystack size) over book text, with the
 * position curve and the mid-sequence drop. Writes {@code needle.json}, {@code needle.md} and
 * charts under {@code --out}; prints the hit-rate table. Exit code 0 when the run completes.
 */
@Command(name = "needle", mixinStandardHelpOptions = true,
    description = {"Needle grid: one fact per depth planted in book-text haystacks of each size, "
        + "each asked on its own; reports retrieval and reader hit rates, the position curve and "
        + "the mid-sequence drop.",
        "CI size: --sizes 1k,4k,16k --embedder hashing."})
public final class NeedleCommand implements Callable<Integer> {
  @Mixin
  CommonOptions options = new CommonOptions();

  @Option(names = "--sizes", defaultValue = "1k,4k,16k,64k,256k,1M", paramLabel = "LIST",
      description = "Haystack sizes in approx. tokens (default: ${DEFAULT-VALUE}).")
  String sizes;

  @Option(names = "--depths", defaultValue = "0,10,20,30,40,50,60,70,80,90,100",
      paramLabel = "LIST", description = "Needle depths in percent (default: ${DEFAULT-VALUE}).")
  String depths;

  @Option(names = "--repeats", defaultValue = "1", paramLabel = "N",
      description = "Haystacks per size, each with its own text and needles "
          + "(default: ${DEFAULT-VALUE}).")
  int repeats;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    options.validate();
    Instant start = Instant.now();
    NeedleGrid.Config config = new NeedleGrid.Config(TokenSizes.parse(sizes),
        TokenSizes.ints(depths, 0, 100, "--depths"), repeats);
    List<Book> books = options.loadBooks();
    NeedleGrid grid = new NeedleGrid(books, config, options.seed);
    NeedleReport report;
    try (Embedder embedder = options.openEmbedder();
        BenchProgress progress = BenchProgress.start("needle", grid.totalChars(), "chars",
            options.quiet)) {
      NeedleGrid.Result result = grid.run(embedder, options.store, options.budget, progress);
      report = new NeedleReport(
          options.runInfo(NeedleReport.SCHEMA, embedder, books, CommandArgs.of(spec), start),
          NeedleReport.setup(config), result.haystacks(),
          NeedleSummary.of(result.cells(), config.sizes(), config.depths()), result.cells());
    }
    report.write(new ReportFiles(options.out));
    print(report, spec.commandLine().getOut());
    return 0;
  }

  private static void print(NeedleReport report, PrintWriter out) {
    NeedleSummary summary = report.summary();
    out.println("Retrieval hit rate (rows: size, columns: depth):");
    out.print(MarkdownTables.grid(report.setup().sizes(), report.setup().depths(),
        summary.grid(), true));
    for (NeedleSummary.SizeRate s : summary.bySize()) {
      out.printf(Locale.ROOT, "%s: retrieval %s, reader %s%n", TokenSizes.label(s.sizeTokens()),
          s.retrieval().format(), s.reader().format());
    }
    out.printf(Locale.ROOT, "mid-sequence drop: retrieval %+.3f, reader %+.3f%n",
        summary.midDrop().retrievalDrop(), summary.midDrop().readerDrop());
    out.printf(Locale.ROOT, "wall time %.1f s%n", report.run().wallSeconds());
    out.flush();
  }
}
