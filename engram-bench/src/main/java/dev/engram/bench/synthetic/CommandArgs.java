package dev.engram.bench.synthetic;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The command line a report records: the root command's name and the original arguments. */
final class CommandArgs {
  private CommandArgs() {}

  static List<String> of(CommandSpec spec) {
    CommandLine root = spec.commandLine();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    List<String> args = new ArrayList<>();
    args.add(root.getCommandName());
    if (root.getParseResult() != null) {
      args.addAll(root.getParseResult().originalArgs());
    }
    return args;
  }
}
