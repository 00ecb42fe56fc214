package dev.engram.cli;

import dev.engram.Engram;
import dev.engram.store.AuditEvent;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code engram history}: a subject's audit log. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Show a subject's audit log: every remember, fact, supersede, summary, pin, "
        + "prune, forget and rollback, with its version, time, actor and reason (ids, never the "
        + "forgotten text). Roll back with 'engram rollback --to VERSION'.")
final class HistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(names = {"-s", "--subject"}, paramLabel = "NAME", defaultValue = "default",
      description = "Whose memory (default: ${DEFAULT-VALUE}).")
  String subject;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Engram engram = store.openForRead()) {
      List<AuditEvent> events = engram.history(subject);
      if (json) {
        var array = Json.MAPPER.createArrayNode();
        for (AuditEvent event : events) {
          var node = array.addObject();
          node.put("version", event.version());
          node.put("time", event.time().toString());
          node.put("action", event.action().name());
          node.put("actor", event.actor());
          node.put("reason", event.reason());
          var items = node.putArray("items");
          event.itemIds().forEach(items::add);
          var causes = node.putArray("causes");
          event.causeIds().forEach(causes::add);
        }
        Json.print(out, array);
        return 0;
      }
      if (events.isEmpty()) {
        out.printf("no history for subject '%s'%n", subject);
      }
      for (AuditEvent event : events) {
        out.printf("%5d  %s  %-9s %-14s %4d item(s)  %s%n", event.version(), event.time(),
            event.action(), event.actor(), event.itemIds().size(), event.reason());
      }
      return 0;
    }
  }
}
