package dev.engram.cli;

import dev.engram.openai.cli.EndpointOptions;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.Engram;
import dev.engram.openai.OpenAiChatClient;
import dev.engram.openai.OpenAiConfig;
import dev.engram.openai.reader.LlmReader;
import dev.engram.openai.reader.LlmReading;
import dev.engram.read.Context;
import dev.engram.read.RecallRequest;
import dev.engram.reader.Answer;
import dev.engram.reader.Citation;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code engram ask}: answer a question from memory, with citations; with an LLM endpoint the
 * model quotes its evidence first and every quote is checked, else the offline extractive reader.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
    description = "Answer a question from a subject's memory, citing the remembered items it "
        + "quotes; abstains when memory does not hold the answer. Offline (extractive reader) "
        + "unless an OpenAI-compatible endpoint is configured (--llm-url, --llm-model): then the "
        + "model quotes its evidence, every quote is checked against memory, and a failed check "
        + "or endpoint falls back to the extractive reader. The answer says which path it took.")
final class AskCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;
  @Mixin RecallOptions recall;
  @Mixin EndpointOptions llm;

  @Parameters(paramLabel = "QUESTION", description = "The question.")
  String question;

  @Option(names = "--show-context", description = "Also print the packed context.")
  boolean showContext;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Optional<OpenAiConfig> endpoint = llm.config();
    try (Engram engram = store.openForRead()) {
      StoreOptions.requireSubject(engram, recall.subject, store.dataDir());
      RecallRequest request = recall.request(question);
      Context context = engram.recall(recall.subject, request);
      Answer answer;
      String note = "";
      if (endpoint.isPresent()) {
        LlmReading reading = llmReader(endpoint.get(), engram, request).read(question, context);
        answer = reading.answer();
        note = reading.note();
      } else {
        answer = engram.ask(recall.subject, request);
      }
      if (json) {
        Json.print(out, toJson(answer, context, note));
      } else {
        print(out, answer, context, note);
      }
      return 0;
    }
  }

  /** The LLM reader; its fallback is Engram's own reader on the same (deterministic) recall. */
  private LlmReader llmReader(OpenAiConfig config, Engram engram, RecallRequest request) {
    return new LlmReader(new OpenAiChatClient(config), (q, context) -> engram.ask(recall.subject, request));
  }

  private void print(PrintWriter out, Answer answer, Context context, String note) {
    out.println("Answer: " + answer.text());
    if (!note.isEmpty()) {
      out.println("(note: " + note + ")");
    }
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

  private ObjectNode toJson(Answer answer, Context context, String note) {
    ObjectNode node = Json.object();
    node.put("question", question);
    node.put("subject", recall.subject);
    node.put("answer", answer.text());
    node.put("abstained", answer.abstained());
    node.put("confidence", answer.confidence());
    node.put("reader", answer.producedBy());
    if (!note.isEmpty()) {
      node.put("readerNote", note);
    }
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
