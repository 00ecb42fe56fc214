package dev.engram.cli;

import dev.engram.Engram;
import dev.engram.EngramException;
import dev.engram.store.AuditEvent;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code engram rollback}: undo a subject's changes after a version. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
    description = "Roll a subject back to an earlier version (see 'engram history'): what was "
        + "remembered after it is deleted, superseded facts and pruned items come back; "
        + "forgotten content stays forgotten.")
final class RollbackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(names = {"-s", "--subject"}, paramLabel = "NAME", defaultValue = "default",
      description = "Whose memory (default: ${DEFAULT-VALUE}).")
  String subject;

  @Option(names = "--to", paramLabel = "VERSION", required = true,
      description = "The version to return to (0 is the empty beginning).")
  long version;

  @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "",
      description = "Why, for the audit log.")
  String reason;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Engram engram = store.builder().actor("cli:rollback").build()) {
      AuditEvent event;
      try {
        event = engram.rollback(subject, version, reason);
      } catch (IllegalArgumentException e) {
        throw new EngramException(e.getMessage() + " (the store is unchanged)");
      }
      out.printf("rolled subject '%s' back to version %d: removed %d item(s); now at version %d%n",
          subject, version, event.itemIds().size(), event.version());
      return 0;
    }
  }
}
