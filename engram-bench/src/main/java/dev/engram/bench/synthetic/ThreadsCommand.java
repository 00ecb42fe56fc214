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
 * {@code engram bench threads}: multi-needle sets asked together, and Needle-Threading chains
 * walked forward and backward by an iterative recall loop. Writes {@code threads.json}, {@code
 * threads.md} and charts under {@code --out}.
 */
@Command(name = "threads", mixinStandardHelpOptions = true,
    description = "Multi-needle sets (k needles, one question) and threads (key -> key chains "
        + "followed with up to --max-hops recalls, forward and backward) in book-text haystacks.")
public final class ThreadsCommand implements Callable<Integer> {
  @Mixin
  CommonOptions options = new CommonOptions();

  @Option(names = "--size", defaultValue = "64k", paramLabel = "TOKENS",
      description = "Haystack size per round (default: ${DEFAULT-VALUE}).")
  String size;

  @Option(names = "--rounds", defaultValue = "10", paramLabel = "N",
      description = "Haystacks, each with one set per k and two threads per length "
          + "(default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--k", defaultValue = "2,4,8", paramLabel = "LIST",
      description = "Needles per set (default: ${DEFAULT-VALUE}).")
  String setSizes;

  @Option(names = "--lengths", defaultValue = "2,3,4,5", paramLabel = "LIST",
      description = "Links per thread (default: ${DEFAULT-VALUE}).")
  String lengths;

  @Option(names = "--max-hops", defaultValue = "5", paramLabel = "N",
      description = "Most recalls per walk (default: ${DEFAULT-VALUE}).")
  int maxHops;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    options.validate();
    Instant start = Instant.now();
    ThreadsBench.Config config = new ThreadsBench.Config(TokenSizes.parseOne(size), rounds,
        TokenSizes.ints(setSizes, 1, 16, "--k"), TokenSizes.ints(lengths, 1, 25, "--lengths"),
        maxHops);
    List<Book> books = options.loadBooks();
    ThreadsBench bench = new ThreadsBench(books, config, options.seed);
    ThreadsReport report;
    try (Embedder embedder = options.openEmbedder();
        BenchProgress progress = BenchProgress.start("threads", bench.totalChars(), "chars",
            options.quiet)) {
      ThreadsBench.Result result = bench.run(embedder, options.store, options.budget, progress);
      report = new ThreadsReport(
          options.runInfo(ThreadsReport.SCHEMA, embedder, books, CommandArgs.of(spec), start),
          ThreadsReport.setup(config), result.haystacks(),
          ThreadsSummary.of(result.sets(), result.threads(), config.setSizes(), config.lengths()),
          result.sets(), result.threads());
    }
    report.write(new ReportFiles(options.out));
    print(report, spec.commandLine().getOut());
    return 0;
  }

  private static void print(ThreadsReport report, PrintWriter out) {
    for (ThreadsSummary.SetRate s : report.summary().sets()) {
      out.printf(Locale.ROOT, "k=%d: all in context %s, mean recall %.3f, reader recall %.3f%n",
          s.k(), s.allInContext().format(), s.meanRecall(), s.meanReaderRecall());
    }
    for (ThreadsSummary.ThreadRate t : report.summary().threads()) {
      out.printf(Locale.ROOT, "%d links, layout %s, walk %s: all found %s, mean hops %.1f%n",
          t.links(), t.layout(), t.direction(), t.allFound().format(), t.meanHops());
    }
    out.println("set misses: " + report.summary().setMisses().describe());
    out.println("thread misses: " + report.summary().threadMisses().describe());
    out.printf(Locale.ROOT, "wall time %.1f s%n", report.run().wallSeconds());
    out.flush();
  }
}
