package dev.engram.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.Engram;
import dev.engram.read.Context;
import dev.engram.read.RecallRequest;
import dev.engram.reader.Answer;
import dev.engram.reader.Citation;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code engram ask}: answer a question from memory, with citations. */
@Command(name = "ask", mixinStandardHelpOptions = true,
    description = "Answer a question from a subject's memory with the offline extractive reader, "
        + "citing the remembered items it quotes; abstains when memory does not hold the answer.")
final class AskCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;
  @Mixin RecallOptions recall;

  @Parameters(paramLabel = "QUESTION", description = "The question.")
  String question;

  @Option(names = "--show-context", description = "Also print the packed context.")
  boolean showContext;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Engram engram = store.openForRead()) {
      StoreOptions.requireSubject(engram, recall.subject, store.dataDir());
      RecallRequest request = recall.request(question);
      Context context = engram.recall(recall.subject, request);
      Answer answer = engram.ask(recall.subject, request);
      if (json) {
        Json.print(out, toJson(answer, context));
      } else {
        print(out, answer, context);
      }
      return 0;
    }
  }

  private void print(PrintWriter out, Answer answer, Context context) {
    out.println("Answer: " + answer.text());
    out.printf(java.util.Locale.ROOT, "(%s reader, confidence %.2f; %d items, %d tokens packed, %s)%n",
        answer.producedBy(), answer.confidence(), context.items().size(), context.tokens(),
        context.mode().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    int n = 1;
    for (Citation c : answer.citations()) {
      out.printf("  [%d] %s · session %s%s%n      \"%s\"%n", n++, c.itemId(), c.session(),
          c.sourceIds().isEmpty() ? "" : " · turns " + String.join(", ", c.sourceIds()), c.quote());
    }
    if (showContext) {
      out.println();
      out.println(context.text());
    }
  }

  private ObjectNode toJson(Answer answer, Context context) {
    ObjectNode node = Json.object();
    node.put("question", question);
    node.put("subject", recall.subject);
    node.put("answer", answer.text());
    node.put("abstained", answer.abstained());
    node.put("confidence", answer.confidence());
    node.put("reader", answer.producedBy());
    ArrayNode citations = node.putArray("citations");
    answer.citations().forEach(c -> citations.add(Json.citation(c)));
    node.put("mode", context.mode().name());
    node.put("packedTokens", context.tokens());
    node.put("budget", context.budget());
    if (showContext) {
      node.put("context", context.text());
    }
    return node;
  }
}
