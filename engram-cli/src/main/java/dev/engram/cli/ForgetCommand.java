package dev.engram.cli;

import dev.engram.Engram;
import dev.engram.EngramException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code engram forget}: delete memory by item id, session or subject. */
@Command(name = "forget", mixinStandardHelpOptions = true,
    description = "Delete memory for real: by item id, by session or document, or a whole "
        + "subject. Durable when the command returns.")
final class ForgetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(names = {"-s", "--subject"}, paramLabel = "NAME", defaultValue = "default",
      description = "Whose memory (default: ${DEFAULT-VALUE}).")
  String subject;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--id", paramLabel = "ID", split = ",",
        description = "Item ids to forget (as shown by search).")
    List<String> ids;

    @Option(names = "--session", paramLabel = "ID",
        description = "A session or document id to forget whole.")
    String session;

    @Option(names = "--all", description = "Forget everything about the subject.")
    boolean all;
  }

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Engram engram = store.openForWrite()) {
      int forgotten;
      String what;
      if (target.ids != null) {
        forgotten = engram.forgetItems(subject, target.ids);
        what = target.ids.size() + " id(s)";
      } else if (target.session != null) {
        forgotten = engram.forgetSession(subject, target.session);
        what = "session '" + target.session + "'";
      } else {
        forgotten = engram.forgetSubject(subject);
        what = "all of subject '" + subject + "'";
      }
      if (forgotten == 0) {
        throw new EngramException("nothing to forget: " + what + " not found in subject '"
            + subject + "' (the store is unchanged)");
      }
      if (json) {
        var node = Json.object();
        node.put("subject", subject);
        node.put("forgotten", forgotten);
        Json.print(out, node);
      } else {
        out.printf("forgot %d item(s): %s of subject '%s'%n", forgotten, what, subject);
      }
      return 0;
    }
  }
}
