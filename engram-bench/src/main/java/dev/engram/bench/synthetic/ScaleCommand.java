package dev.engram.bench.synthetic;

import dev.engram.embed.Embedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code engram bench scale}: grows one subject of a Lucene store to {@code --max} items and
 * reports vector-search and recall latency and HNSW recall@10 against exact search at each step.
 * Always uses a Lucene store ({@code --store} does not apply). At a million items run it with
 * {@code -Xmx6g}: the exact-search copy of the vectors alone takes 1.5 GB.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
    description = {"Scale run: one subject grown to --max items in a Lucene store; latency "
        + "p50/p99 and ANN recall@10 vs exact search at each step.",
        "Items beyond --real are synthetic mixes of real embeddings (see the report).",
        "CI size: --max 5000 --real 1000 --embedder hashing."})
public final class ScaleCommand implements Callable<Integer> {
  @Mixin
  CommonOptions options = new CommonOptions();

  @Option(names = "--max", defaultValue = "1000000", paramLabel = "ITEMS",
      description = "Items at the end (default: ${DEFAULT-VALUE}).")
  int max;

  @Option(names = "--steps", paramLabel = "LIST",
      description = "Item counts to measure at (default: 1k, 10k, 100k, ... below --max, then "
          + "--max).")
  String steps;

  @Option(names = "--real", defaultValue = "20000", paramLabel = "N",
      description = "Real book sentences to embed (default: ${DEFAULT-VALUE}).")
  int real;

  @Option(names = "--queries", defaultValue = "200", paramLabel = "N",
      description = "Held-out sentences used as queries (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--batch", defaultValue = "1000", paramLabel = "N",
      description = "Items per MemoryStore.add call (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--store-dir", paramLabel = "DIR",
      description = "Store directory, new or empty (default: a temporary one, deleted after).")
  Path storeDir;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    options.validate();
    options.store = "lucene"; // the scale run measures the HNSW index; memory would be exact
    Instant start = Instant.now();
    ScaleRun.Config config = new ScaleRun.Config(stepList(), real, queries, batch, options.budget);
    List<Book> books = options.loadBooks();
    Path dir = storeDir != null ? storeDir : temporaryDir();
    ScaleReport report;
    try (Embedder embedder = options.openEmbedder();
        BenchProgress progress = BenchProgress.start("scale", max, "items", options.quiet)) {
      ScaleRun.Result result = new ScaleRun(config, options.seed).run(books, embedder, dir,
          progress);
      report = new ScaleReport(
          options.runInfo(ScaleReport.SCHEMA, embedder, books, CommandArgs.of(spec), start),
          ScaleReport.setup(config), result.realItems(), result.queries(),
          result.realEmbedSeconds(), result.queryEmbedding(), result.steps());
    } finally {
      if (storeDir == null) {
        delete(dir);
      }
    }
    report.write(new ReportFiles(options.out));
    var out = spec.commandLine().getOut();
    for (ScaleStep s : report.steps()) {
      out.printf(Locale.ROOT, "%,d items: searchVector p50 %.2f p99 %.2f ms; recall p50 %.2f "
          + "p99 %.2f ms; ANN recall@10 %.4f%n", s.items(), s.searchVector().p50(),
          s.searchVector().p99(), s.recall().p50(), s.recall().p99(), s.annRecall10());
    }
    out.printf(Locale.ROOT, "wall time %.1f s%n", report.run().wallSeconds());
    out.flush();
    return 0;
  }

  List<Integer> stepList() {
    if (steps != null) {
      List<Integer> given = TokenSizes.ints(steps, 1, max, "--steps");
      return given.get(given.size() - 1) == max ? given : append(given, max);
    }
    List<Integer> auto = new ArrayList<>();
    for (long s = 1000; s < max; s *= 10) {
      auto.add((int) s);
    }
    return append(auto, max);
  }

  private static List<Integer> append(List<Integer> list, int last) {
    List<Integer> out = new ArrayList<>(list);
    out.add(last);
    return out;
  }

  private static Path temporaryDir() {
    try {
      return Files.createTempDirectory("engram-scale-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary store directory: " + e, e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete temporary store " + dir + ": " + e, e);
    }
  }
}
