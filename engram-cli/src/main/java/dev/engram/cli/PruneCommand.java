package dev.engram.cli;

import dev.engram.Engram;
import dev.engram.retain.RetentionPolicy;
import dev.engram.retain.TurnDecay;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code engram prune}: move low-priority episodes to the cold tier. */
@Command(name = "prune", mixinStandardHelpOptions = true,
    description = "Keep the N highest-priority episodes of a subject searchable (priority = "
        + "salience x per-turn decay x age decay x hits) and move the rest to the cold tier, "
        + "which history and exact lookups still reach. Pinned and fact-backed items stay. Undo with rollback.")
final class PruneCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(names = {"-s", "--subject"}, paramLabel = "NAME", defaultValue = "default",
      description = "Whose memory (default: ${DEFAULT-VALUE}).")
  String subject;

  @Option(names = "--keep", paramLabel = "N", required = true,
      description = "How many episodes stay hot.")
  int keep;

  @Option(names = "--dry-run", description = "Only count what would be pruned.")
  boolean dryRun;

  @Option(names = "--decay", paramLabel = "C,O,I",
      description = "Per-turn salience decay of chit-chat, ordinary and instruction turns, each in "
          + "(0, 1] (default: 0.99,0.999,1; research.md's SirLLM rates are 0.7,0.9,1).")
  String decay;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Engram engram = store.builder().actor("cli:prune").build()) {
      List<String> pruned = engram.prune(subject, policy(), dryRun);
      out.printf("%s %d episode(s) of subject '%s' to the cold tier%n",
          dryRun ? "would move" : "moved", pruned.size(), subject);
      return 0;
    }
  }

  private RetentionPolicy policy() {
    RetentionPolicy policy = RetentionPolicy.keeping(keep);
    return decay == null ? policy : policy.withDecay(TurnDecay.parse(decay));
  }
}
