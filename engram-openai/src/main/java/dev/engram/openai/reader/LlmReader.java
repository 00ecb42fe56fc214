package dev.engram.openai.reader;

import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.openai.ChatTurn;
import dev.engram.openai.OpenAiChatClient;
import dev.engram.openai.OpenAiException;
import dev.engram.read.Context;
import dev.engram.reader.Answer;
import dev.engram.reader.Citation;
import dev.engram.reader.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Reader} that asks a chat model to quote its evidence, then answer (quote-then-answer),
 * and checks every quote against the packed context ({@link QuoteCheck}, formula F9).
 *
 * <p>A reply that is not the requested JSON, quotes nothing, or quotes a sentence that is not in
 * the context is retried once with the problem stated; a second failure, or any endpoint failure
 * ({@link OpenAiException}: unreachable, wrong key, timeout, cut stream), falls back to the
 * {@code fallback} reader. {@link Answer#producedBy()} says which path answered ({@code llm},
 * {@code llm-retry}, {@code extractive-fallback}); {@link #read} also says why. An abstention
 * ({@code NOT_IN_MEMORY}) is an answer, not a failure. A verified answer has confidence 1 (every
 * quote was found); an abstention 0. An empty context abstains without asking the model.
 *
 * <p>Thread-safe if the fallback reader is.
 */
public final class LlmReader implements Reader {
  private final OpenAiChatClient client;
  private final Reader fallback;
  private final boolean streaming;

  /**
   * @param fallback answers when the model cannot, usually the extractive reader
   * @param streaming ask with {@code "stream": true} (servers that hold long replies open)
   */
  public LlmReader(OpenAiChatClient client, Reader fallback, boolean streaming) {
    this.client = Require.nonNull(client, "client");
    this.fallback = Require.nonNull(fallback, "fallback");
    this.streaming = streaming;
  }

  /** A non-streaming reader. */
  public LlmReader(OpenAiChatClient client, Reader fallback) {
    this(client, fallback, false);
  }

  @Override
  public Answer answer(String question, Context context) {
    return read(question, context).answer();
  }

  /** Answers and says which path produced the answer and why. */
  public LlmReading read(String question, Context context) {
    Require.nonBlank(question, "question");
    Require.nonNull(context, "context");
    if (context.items().isEmpty()) {
      return new LlmReading(Answer.abstain(LlmReading.Path.LLM.label(), 0), LlmReading.Path.LLM,
          "nothing was recalled, so the model was not asked");
    }
    try {
      String reply = ask(QuotePrompt.first(question, context));
      Attempt first = check(reply, context);
      if (first.answer != null) {
        return new LlmReading(first.answer, LlmReading.Path.LLM, "");
      }
      String retryReply = ask(QuotePrompt.retry(question, context, reply, first.problem));
      Attempt second = check(retryReply, context);
      if (second.answer != null) {
        Answer relabelled = relabel(second.answer, LlmReading.Path.LLM_RETRY);
        return new LlmReading(relabelled, LlmReading.Path.LLM_RETRY, "first reply rejected: " + first.problem);
      }
      return fallBack(question, context, "both replies rejected: " + first.problem + "; then " + second.problem);
    } catch (OpenAiException e) {
      return fallBack(question, context, e.getMessage());
    }
  }

  private String ask(List<ChatTurn> turns) {
    return streaming ? client.stream(turns, delta -> { }).content() : client.complete(turns).content();
  }

  private LlmReading fallBack(String question, Context context, String why) {
    Answer answer = relabel(fallback.answer(question, context), LlmReading.Path.EXTRACTIVE_FALLBACK);
    return new LlmReading(answer, LlmReading.Path.EXTRACTIVE_FALLBACK, why);
  }

  private static Answer relabel(Answer answer, LlmReading.Path path) {
    return new Answer(answer.text(), answer.abstained(), answer.confidence(), answer.citations(), path.label());
  }

  /** Either an accepted answer or the problem with the reply. */
  private record Attempt(Answer answer, String problem) {}

  private static Attempt check(String reply, Context context) {
    ModelReply parsed;
    try {
      parsed = ModelReply.parse(reply);
    } catch (IllegalArgumentException e) {
      return new Attempt(null, e.getMessage());
    }
    if (parsed.abstains()) {
      return new Attempt(Answer.abstain(LlmReading.Path.LLM.label(), 0), null);
    }
    if (parsed.quotes().isEmpty()) {
      return new Attempt(null, "the answer quotes no evidence");
    }
    List<MemoryItem> packed = context.memoryItems();
    Map<String, Citation> citations = new LinkedHashMap<>();
    List<String> invented = new ArrayList<>();
    for (ModelReply.Quote quote : parsed.quotes()) {
      Optional<QuoteCheck.Verified> found = QuoteCheck.find(quote.text(), resolve(quote.itemRef(), packed), packed);
      if (found.isEmpty()) {
        invented.add("\"" + abbreviate(quote.text()) + "\"");
      } else {
        MemoryItem item = found.get().item();
        citations.putIfAbsent(item.id() + "\u0000" + found.get().quote(),
            new Citation(item.id(), item.session(), item.sourceIds(), found.get().quote()));
      }
    }
    if (!invented.isEmpty()) {
      return new Attempt(null, "quotes not found in the memory items: " + String.join(", ", invented));
    }
    return new Attempt(new Answer(parsed.answer(), false, 1.0, new ArrayList<>(citations.values()),
        LlmReading.Path.LLM.label()), null);
  }

  /** The item a quote names: a 1-based position as in the rendered context, or an item id. */
  private static MemoryItem resolve(String ref, List<MemoryItem> packed) {
    String trimmed = ref.strip().replace("[", "").replace("]", "");
    try {
      int position = Integer.parseInt(trimmed);
      return position >= 1 && position <= packed.size() ? packed.get(position - 1) : null;
    } catch (NumberFormatException e) {
      return packed.stream().filter(item -> item.id().equals(trimmed)).findFirst().orElse(null);
    }
  }

  private static String abbreviate(String text) {
    String line = text.replaceAll("\\s+", " ").strip();
    return line.length() <= 80 ? line : line.substring(0, 77) + "...";
  }
}
