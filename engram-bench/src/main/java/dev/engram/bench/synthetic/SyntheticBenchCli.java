package dev.engram.bench.synthetic;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs the generator commands on their own, before (or without) the {@code engram bench}
 * launcher: {@code java -cp <engram-bench classpath> dev.engram.bench.synthetic.SyntheticBenchCli
 * needle --sizes 1k,4k}. The same command classes register under {@code engram bench}.
 */
@Command(name = "synthetic", mixinStandardHelpOptions = true,
    description = "Synthetic long-context probes over book text, deterministic from a seed.",
    subcommands = {NeedleCommand.class, ThreadsCommand.class, OrderCommand.class,
        ScaleCommand.class, CommandLine.HelpCommand.class})
public final class SyntheticBenchCli {
  private SyntheticBenchCli() {}

  /** Exits with the command's code: 0 ok, 1 error, 2 bad usage. */
  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new SyntheticBenchCli());
    cli.setExecutionExceptionHandler((e, line, parse) -> {
      line.getErr().println("synthetic: error: " + e.getMessage());
      if (System.getenv("ENGRAM_DEBUG") != null) {
        e.printStackTrace(line.getErr());
      }
      return 1;
    });
    System.exit(cli.execute(args));
  }
}
