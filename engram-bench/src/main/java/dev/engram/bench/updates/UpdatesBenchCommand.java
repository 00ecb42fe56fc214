package dev.engram.bench.updates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.engram.embed.Embedder;
import dev.engram.embed.HashingEmbedder;
import dev.engram.spi.Providers;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code engram bench updates}: the update/forget family, deterministic from a seed. Run:
 * {@code engram bench updates --cases 100 --seed 42 --out DIR}.
 */
@Command(name = "updates", mixinStandardHelpOptions = true,
    description = "Update/forget benchmark: a value stated, changed 1-3 times, then asked "
        + "(freshness-hit and outdated-answer rates, Engram with and without facts); a secret "
        + "forgotten, then probed (leak rate, must be 0). Deterministic from --seed.")
public final class UpdatesBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--cases", defaultValue = "100", paramLabel = "N",
      description = "Generated cases (default: ${DEFAULT-VALUE}).")
  int cases;

  @Option(names = "--fillers", defaultValue = "12", paramLabel = "N",
      description = "Filler sessions per case (default: ${DEFAULT-VALUE}).")
  int fillers;

  @Option(names = "--budget", split = ",", defaultValue = "200,3500", paramLabel = "TOKENS",
      description = "Recall budgets to ask at (default: ${DEFAULT-VALUE}).")
  List<Integer> budgets;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
      description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--embedder", defaultValue = "bge-small-en-v1.5-q", paramLabel = "ID",
      description = "Embedder model id, or 'hashing' for a fast model-free run "
          + "(default: ${DEFAULT-VALUE}).")
  String embedderId;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Where report.json and report.md go.")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (cases < 1 || fillers < 0) {
      throw new IllegalArgumentException("--cases must be >= 1 and --fillers >= 0");
    }
    Files.createDirectories(out);
    Path work = Files.createTempDirectory("engram-updates");
    UpdatesReport report;
    try (Embedder embedder = embedderId.equals("hashing") ? new HashingEmbedder(256)
        : Providers.embedder(embedderId).create()) {
      report = new UpdatesRun(embedder, budgets, work)
          .run(new UpdateCaseGenerator(seed).cases(cases, fillers));
    } finally {
      deleteTree(work);
    }
    String command = "engram bench updates --cases " + cases + " --fillers " + fillers
        + " --seed " + seed + " --embedder " + embedderId + " --out " + out;
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(out.resolve("report.json").toFile(), report);
    String markdown = report.markdown(command);
    Files.writeString(out.resolve("report.md"), markdown);
    PrintWriter printer = spec.commandLine().getOut();
    printer.print(markdown);
    printer.flush();
    return report.leaks() == 0 ? 0 : 1;
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
