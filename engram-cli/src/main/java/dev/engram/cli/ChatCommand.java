package dev.engram.cli;

import dev.engram.openai.cli.EndpointOptions;
import dev.engram.Engram;
import dev.engram.openai.OpenAiChatClient;
import dev.engram.openai.OpenAiConfig;
import dev.engram.openai.chat.ChatReply;
import dev.engram.fact.RuleFactExtractor;
import dev.engram.openai.chat.MemoryChat;
import dev.engram.openai.enrich.EnrichmentQueue;
import dev.engram.openai.enrich.EnrichmentSink;
import dev.engram.openai.enrich.EnrichmentStats;
import dev.engram.openai.enrich.LlmFactExtractor;
import dev.engram.openai.enrich.LlmSummarizer;
import dev.engram.openai.enrich.MemoryEditorSink;
import dev.engram.summary.CompactMemory;
import dev.engram.summary.ExtractiveSummarizer;
import java.time.Duration;
import dev.engram.reader.Citation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code engram chat}: an interactive chat with memory, reading messages from standard input,
 * one per line. Each message recalls from memory; the reply comes from the configured LLM
 * (streamed) or, offline, from the extractive reader; each exchange is remembered.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
    description = {"Chat in the terminal with memory: every message recalls from the subject's "
        + "memory, every exchange is remembered (in one session per chat). Replies come from an "
        + "OpenAI-compatible model when one is configured (--llm-url, --llm-model), else the "
        + "offline extractive reader answers questions.",
        "Type /sources to see what the last reply rests on, /quit (or end of input) to stop."})
final class ChatCommand implements Callable<Integer> {
  private static final DateTimeFormatter SESSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  @Spec CommandSpec spec;
  @Mixin StoreOptions store;
  @Mixin RecallOptions recall;
  @Mixin EndpointOptions llm;

  @Option(names = "--session", paramLabel = "ID",
      description = "Session the exchanges are remembered in (default: chat-<UTC date-time>).")
  String session;

  @Option(names = "--citations", description = "Show the sources after every reply.")
  boolean citations;

  @Option(names = "--history", paramLabel = "N", defaultValue = "6",
      description = "Recent exchanges of this chat the model sees (default: ${DEFAULT-VALUE}).")
  int history;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Optional<OpenAiConfig> endpoint = llm.config();
    String sessionId = session != null ? session
        : "chat-" + SESSION_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    try (Engram engram = store.openForWrite()) {
      OpenAiChatClient client = endpoint.map(OpenAiChatClient::new).orElse(null);
      MemoryChat chat = new MemoryChat(engram, recall.subject, sessionId, client, recall::request, history);
      EnrichmentQueue enrichment = client == null ? null : enrichment(engram, client);
      if (enrichment != null) {
        chat.enrichWith(enrichment);
      }
      out.println("engram chat · subject " + recall.subject + " · session " + sessionId + " · "
          + (client == null ? "offline (extractive reader)" : "model " + client.model() + " at " + endpoint.get().baseUrl()));
      out.println("Type a message; /sources shows what the last reply rests on, /quit ends.");
      converse(chat, out);
      out.println("Remembered " + chat.remembered() + " message(s) in session " + sessionId + ".");
      if (enrichment != null) {
        // Facts and the session summary the model is still writing land before the store closes.
        enrichment.close(ENRICHMENT_GRACE);
        EnrichmentStats stats = enrichment.stats();
        out.println("LLM enrichment: " + stats.completed() + " job(s) done, " + stats.failed()
            + " failed, " + stats.dropped() + " dropped (see 'engram history').");
      }
      return 0;
    }
  }

  /** How long, at exit, chat waits for background enrichment still running. */
  static final Duration ENRICHMENT_GRACE = Duration.ofSeconds(30);

  /**
   * LLM fact extraction and session summaries after every exchange, in the background, written
   * through an audited editor (actor {@code llm-enrichment}); the offline extractor and
   * summarizer answer when the model fails.
   */
  private EnrichmentQueue enrichment(Engram engram, OpenAiChatClient client) {
    PrintWriter err = spec.commandLine().getErr();
    EnrichmentSink sink = new MemoryEditorSink(engram.editor("llm-enrichment"),
        problem -> err.println("engram: enrichment: " + problem));
    return new EnrichmentQueue(new LlmFactExtractor(client, new RuleFactExtractor(), sink),
        new LlmSummarizer(client, new ExtractiveSummarizer(), sink), sink, 256,
        CompactMemory.LEVEL1_TOKENS);
  }

  private void converse(MemoryChat chat, PrintWriter out) {
    boolean interactive = System.console() != null;
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    List<Citation> lastSources = List.of();
    try {
      while (true) {
        if (interactive) {
          out.print("you> ");
          out.flush();
        }
        String line = in.readLine();
        if (line == null || line.strip().equals("/quit") || line.strip().equals("/exit")) {
          return;
        }
        if (line.isBlank()) {
          continue;
        }
        if (line.strip().equals("/sources")) {
          printSources(out, lastSources);
          continue;
        }
        out.print("engram> ");
        ChatReply reply = chat.send(line, text -> {
          out.print(text);
          out.flush();
        });
        out.println();
        if (!reply.note().isEmpty()) {
          out.println("(the model failed, answered offline: " + reply.note() + ")");
        }
        lastSources = reply.citations();
        if (citations) {
          printSources(out, lastSources);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
    }
  }

  private static void printSources(PrintWriter out, List<Citation> sources) {
    if (sources.isEmpty()) {
      out.println("  (no sources for the last reply)");
    }
    int n = 1;
    for (Citation c : sources) {
      out.printf("  [%d] %s · session %s%n      \"%s\"%n", n++, c.itemId(), c.session(), c.quote());
    }
  }
}
