package dev.engram.bench;

import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/** The command line of a run as a user would type it, for the report. */
final class CommandText {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@+-]+");

  private CommandText() {}

  /** {@code engram bench <name> <args after the name>}, arguments quoted where the shell needs it. */
  static String of(CommandSpec spec) {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    int at = args.indexOf(spec.name());
    StringBuilder text = new StringBuilder("engram bench ").append(spec.name());
    for (String arg : args.subList(at + 1, args.size())) {
      text.append(' ').append(PLAIN.matcher(arg).matches() ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return text.toString();
  }
}
