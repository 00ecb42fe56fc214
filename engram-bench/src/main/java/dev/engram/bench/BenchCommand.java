package dev.engram.bench;

import dev.engram.EngramException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code engram bench}: the parent of the dataset commands. The main CLI registers it as a
 * subcommand; {@link #main} runs it on its own ({@code java -cp ... dev.engram.bench.BenchCommand
 * locomo --data ...}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure memory quality and speed on real benchmarks, Engram and baselines side "
        + "by side (engram, bm25, vector, recent, langchain4j).",
    subcommands = {LocomoBenchCommand.class, LongMemEvalBenchCommand.class, dev.engram.bench.updates.UpdatesBenchCommand.class, dev.engram.bench.updates.PruneBenchCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 error (the message says what), 2 bad usage."})
public final class BenchCommand {

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs a {@code bench} command line with the given streams and returns the exit code; failures
   * are printed as one line naming what went wrong (a dataset error names file, record and field).
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new BenchCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("engram bench: error: " + describe(e));
      if (System.getenv("ENGRAM_DEBUG") != null) {
        e.printStackTrace(commandLine.getErr());
      }
      return 1;
    });
    return cli.execute(args);
  }

  private static String describe(Exception e) {
    if (e instanceof EngramException || e instanceof IllegalArgumentException
        || e instanceof IllegalStateException || e instanceof UncheckedIOException) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage()
        + " (set ENGRAM_DEBUG=1 for the stack trace)";
  }
}
