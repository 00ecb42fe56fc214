package dev.engram.bench.synthetic;

import dev.engram.embed.Embedder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code engram bench order}: SORT-style "which came first" questions over book excerpts,
 * answered from the timeline positions of recalled items. Writes {@code order.json}, {@code
 * order.md} and {@code order.png} under {@code --out}.
 */
@Command(name = "order", mixinStandardHelpOptions = true,
    description = "Sequence-order recall: two segments of a remembered book excerpt, which came "
        + "first? Accuracy by distance bin (chance 0.5).")
public final class OrderCommand implements Callable<Integer> {
  @Mixin
  CommonOptions options = new CommonOptions();

  @Option(names = "--excerpts", defaultValue = "6", paramLabel = "N",
      description = "Excerpts, cycling through the books (default: ${DEFAULT-VALUE}).")
  int excerpts;

  @Option(names = "--excerpt-words", defaultValue = "10000", paramLabel = "N",
      description = "Words per excerpt, L_E (default: ${DEFAULT-VALUE}).")
  int excerptWords;

  @Option(names = "--segment-words", defaultValue = "20,50", paramLabel = "LIST",
      description = "Segment lengths L_S (default: ${DEFAULT-VALUE}).")
  String segmentWords;

  @Option(names = "--pairs", defaultValue = "25", paramLabel = "N",
      description = "Questions per distance bin and excerpt (default: ${DEFAULT-VALUE}).")
  int pairs;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    options.validate();
    Instant start = Instant.now();
    OrderBench.Config config = new OrderBench.Config(excerpts, excerptWords,
        TokenSizes.ints(segmentWords, 1, 500, "--segment-words"), pairs);
    List<Book> books = options.loadBooks();
    OrderBench bench = new OrderBench(books, config, options.seed);
    List<String> excerptBooks = new ArrayList<>();
    for (int e = 0; e < excerpts; e++) {
      excerptBooks.add(bench.excerpt(e).book());
    }
    OrderReport report;
    try (Embedder embedder = options.openEmbedder();
        BenchProgress progress = BenchProgress.start("order", bench.questions(), "questions",
            options.quiet)) {
      List<OrderCell> cells = bench.run(embedder, options.store, options.budget, progress);
      report = OrderReport.of(
          options.runInfo(OrderReport.SCHEMA, embedder, books, CommandArgs.of(spec), start),
          new OrderReport.Setup(excerpts, excerptWords, config.segmentWords(), pairs,
              excerptBooks, "each excerpt remembered as one Document; one recall with the "
                  + "question (both segments quoted); each segment located in the packed items "
                  + "by its first (else last) 6 words; earlier subjectSeq, then offset, wins; a "
                  + "segment not in the context gets one recall of its own; unlocated pairs are "
                  + "a seeded coin flip"),
          cells);
    }
    report.write(new ReportFiles(options.out));
    var out = spec.commandLine().getOut();
    for (OrderReport.BinRate bin : report.bins()) {
      out.printf(Locale.ROOT, "distance %s: accuracy %s, both located %.3f%n", bin.bin(),
          bin.accuracy().format(), bin.locatedBoth().rate());
    }
    out.printf(Locale.ROOT, "all: %s; wall time %.1f s%n", report.overall().accuracy().format(),
        report.run().wallSeconds());
    out.flush();
    return 0;
  }
}
