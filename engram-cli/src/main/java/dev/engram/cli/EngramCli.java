package dev.engram.cli;

import dev.engram.EngramException;
import dev.engram.bench.BenchCommand;
import dev.engram.bench.BenchmarksDocCommand;
import dev.engram.bench.synthetic.NeedleCommand;
import dev.engram.bench.synthetic.OrderCommand;
import dev.engram.bench.synthetic.ScaleCommand;
import dev.engram.bench.synthetic.ThreadsCommand;
import dev.engram.datasets.DatasetFormatException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code engram} command line: the entry point and how failures become exit codes. */
@Command(
    name = "engram",
    mixinStandardHelpOptions = true,
    versionProvider = EngramCli.Version.class,
    description = {
        "Long-term memory for LLM applications: remember conversations and documents on local "
            + "disk, recall what matters under a token budget, answer with cited evidence. "
            + "Fully offline.",
        ""},
    subcommands = {
        QuickstartCommand.class,
        IngestCommand.class,
        AskCommand.class,
        ChatCommand.class,
        SearchCommand.class,
        ForgetCommand.class,
        StatsCommand.class, ExportCommand.class, ImportCommand.class, HistoryCommand.class, RollbackCommand.class, FactsCommand.class, PruneCommand.class,
        dev.engram.server.cli.ServeCommand.class, dev.engram.server.cli.KeysCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes: 0 ok, 1 error (the message says what), 2 bad usage.",
        "Run 'engram help <command>' for a command's options."})
public final class EngramCli {
  /** Exit code for a failure the message explains. */
  static final int ERROR = 1;

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true"); // bench charts render without a display
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with the given output streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new EngramCli());
    cli.addSubcommand(benchCommands());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("engram: error: " + describe(e));
      if (System.getenv("ENGRAM_DEBUG") != null) {
        e.printStackTrace(commandLine.getErr());
      }
      return ERROR;
    });
    return cli.execute(args);
  }

  /** {@code engram bench}: the dataset benches and the synthetic generators. */
  private static CommandLine benchCommands() {
    CommandLine bench = new CommandLine(new BenchCommand());
    bench.addSubcommand(new NeedleCommand());
    bench.addSubcommand(new ThreadsCommand());
    bench.addSubcommand(new OrderCommand());
    bench.addSubcommand(new ScaleCommand());
    bench.addSubcommand(new BenchmarksDocCommand());
    return bench;
  }

  private static String describe(Exception e) {
    if (e instanceof EngramException || e instanceof DatasetFormatException
        || e instanceof IllegalArgumentException || e instanceof IllegalStateException
        || e instanceof UncheckedIOException) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage()
        + " (set ENGRAM_DEBUG=1 for the stack trace)";
  }

  /** The version from the jar's manifest, or "dev" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = EngramCli.class.getPackage().getImplementationVersion();
      return new String[] {"engram " + (version == null ? "dev" : version)};
    }
  }
}
