package dev.engram.cli;

import dev.engram.Engram;
import dev.engram.model.MemoryItem;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code engram facts}: a subject's current facts, or one attribute's history. */
@Command(name = "facts", mixinStandardHelpOptions = true,
    description = "Show what a subject stated about themselves: current facts with the date they "
        + "became true, or with --attribute every value it had.")
final class FactsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(names = {"-s", "--subject"}, paramLabel = "NAME", defaultValue = "default",
      description = "Whose memory (default: ${DEFAULT-VALUE}).")
  String subject;

  @Option(names = "--attribute", paramLabel = "NAME",
      description = "Show this attribute's history, superseded values included.")
  String attribute;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Engram engram = store.openForRead()) {
      List<MemoryItem> facts = attribute == null ? engram.facts(subject)
          : engram.factHistory(subject, attribute);
      for (MemoryItem fact : facts) {
        var state = fact.lifecycle();
        out.printf("%s  from %s%s  %s%n", fact.text(), state.validFrom(),
            state.validTo() == null ? "" : " to " + state.validTo(), fact.id());
      }
      if (facts.isEmpty()) {
        out.printf("no facts for subject '%s'%n", subject);
      }
      return 0;
    }
  }
}
