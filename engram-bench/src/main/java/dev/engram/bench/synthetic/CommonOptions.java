package dev.engram.bench.synthetic;

import dev.engram.embed.Embedder;
import dev.engram.embed.HashingEmbedder;
import dev.engram.onnx.OnnxEmbedder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Options every generator command takes (a picocli mixin). Defaults: the books found above the
 * working directory, seed 42, reports in {@code bench-results/synthetic}, the bundled bge
 * embedder, a 3,500-token budget, the in-memory store.
 */
final class CommonOptions {
  /** Dimension of the hashing embedder, the same as bge-small so vectors cost the same. */
  static final int HASHING_DIMENSION = 384;

  @Option(names = "--books", split = ",", paramLabel = "PATH",
      description = "Book .txt files or directories (default: shared/data/books found by walking "
          + "up from the working directory). Read in place, never copied.")
  List<Path> books = new ArrayList<>();

  @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice "
      + "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", defaultValue = "bench-results/synthetic", paramLabel = "DIR",
      description = "Report directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--embedder", defaultValue = "bge", paramLabel = "bge|hashing",
      description = "bge (bundled bge-small-en-v1.5-q) or hashing (lexical, instant; for tests) "
          + "(default: ${DEFAULT-VALUE}).")
  String embedder;

  @Option(names = "--budget", defaultValue = "3500", paramLabel = "TOKENS",
      description = "Recall budget in estimated tokens (default: ${DEFAULT-VALUE}).")
  int budget;

  @Option(names = "--store", defaultValue = "memory", paramLabel = "memory|lucene",
      description = "Store behind each haystack; lucene uses a temporary directory "
          + "(default: ${DEFAULT-VALUE}).")
  String store;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
  boolean quiet;

  /** The embedder named by {@code --embedder}; the caller closes it. */
  Embedder openEmbedder() {
    return switch (embedder) {
      case "bge" -> OnnxEmbedder.bgeSmallEnV15q();
      case "hashing" -> new HashingEmbedder(HASHING_DIMENSION);
      default -> throw new IllegalArgumentException(
          "--embedder must be bge or hashing, was '" + embedder + "'");
    };
  }

  /** The books, loaded. */
  List<Book> loadBooks() {
    return Books.load(books, Path.of(""));
  }

  /** The head of a report for a run that started at {@code start} and ends now. */
  RunInfo runInfo(String schema, Embedder embedderUsed, List<Book> used, List<String> args,
      java.time.Instant start) {
    double seconds = java.time.Duration.between(start, java.time.Instant.now()).toMillis() / 1000.0;
    return new RunInfo(schema, Vocabulary.VERSION, seed, embedderUsed.info().modelId(),
        embedderUsed.info().dimension(), store, budget, used.stream().map(Book::name).toList(),
        String.join(" ", args), start.toString(), seconds, true);
  }

  /** Checks the values picocli cannot. */
  void validate() {
    if (budget < 50 || budget > 1_000_000) {
      throw new IllegalArgumentException("--budget must be in [50, 1000000], was " + budget);
    }
    if (!store.equals("memory") && !store.equals("lucene")) {
      throw new IllegalArgumentException("--store must be memory or lucene, was '" + store + "'");
    }
    if (!embedder.equals("bge") && !embedder.equals("hashing")) {
      throw new IllegalArgumentException(
          "--embedder must be bge or hashing, was '" + embedder + "'");
    }
  }
}
