package dev.engram.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.Engram;
import dev.engram.read.Context;
import dev.engram.read.PackedItem;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code engram search}: show what recall packs for a query, and why. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Recall a subject's memory for a query and list the packed items in context "
        + "order, with their fused rank and (with --explain) why each ranked where it did.")
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;
  @Mixin RecallOptions recall;

  @Parameters(paramLabel = "QUERY", description = "What to look for.")
  String query;

  @Option(names = "--explain", description = "Say why each item ranked where it did.")
  boolean explain;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Engram engram = store.openForRead()) {
      StoreOptions.requireSubject(engram, recall.subject, store.dataDir());
      Context context = engram.recall(recall.subject, recall.request(query));
      if (json) {
        Json.print(out, toJson(context));
        return 0;
      }
      out.printf("%d items, %d of %d tokens, %s%n", context.items().size(), context.tokens(),
          context.budget(), context.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      int n = 1;
      for (PackedItem p : context.items()) {
        out.printf("%n[%d] %s · %s · session %s #%d · %s%n", n++, p.item().id(), label(p),
            p.item().session(), p.item().sessionSeq() + 1, p.item().eventTime());
        if (explain) {
          out.println("    why: " + context.explain(p.item().id()).detail());
        }
        out.println(indent(p.item().text()));
      }
      return 0;
    }
  }

  private static String label(PackedItem p) {
    switch (p.reason()) {
      case HIT:
        return "rank " + p.rank();
      case NEIGHBOUR:
        return "neighbour of rank " + p.rank();
      case SUMMARY:
        return "summary";
      case FACT:
        return "fact";
      default:
        return "whole memory";
    }
  }

  private static String indent(String text) {
    return "    " + text.replace("\n", "\n    ");
  }

  private ObjectNode toJson(Context context) {
    ObjectNode node = Json.object();
    node.put("query", query);
    node.put("subject", recall.subject);
    node.put("mode", context.mode().name());
    node.put("packedTokens", context.tokens());
    node.put("budget", context.budget());
    ArrayNode items = node.putArray("items");
    for (PackedItem p : context.items()) {
      ObjectNode item = Json.item(p.item());
      item.put("reason", p.reason().name());
      item.put("rank", p.rank());
      item.put("explanation", context.explain(p.item().id()).detail());
      items.add(item);
    }
    return node;
  }
}
