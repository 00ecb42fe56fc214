package dev.engram.openai.enrich;

import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.openai.ChatTurn;
import dev.engram.openai.OpenAiChatClient;
import dev.engram.openai.OpenAiException;
import dev.engram.summary.Summarizer;
import java.util.List;

/**
 * A {@link Summarizer} that asks a chat model for an abstractive summary, cut to the budget at a
 * sentence (or word) boundary. When the endpoint fails or answers nothing, the {@code fallback}
 * summarizer answers and the problem goes to {@code problems}; it never throws for a failed
 * summary. Thread-safe if the fallback and sink are.
 */
public final class LlmSummarizer implements Summarizer {
  static final String SYSTEM = """
      You summarise remembered conversation excerpts for later recall. Write plain sentences in the
      third person about the user: who, what, where, when, names, numbers and decisions. State
      only what the excerpts say; no preamble, no lists, no speculation.""";

  private final OpenAiChatClient client;
  private final Summarizer fallback;
  private final EnrichmentSink problems;

  /**
   * @param fallback used when the model fails, e.g. the offline extractive summarizer
   * @param problems told about failures (only {@link EnrichmentSink#problem} is called)
   */
  public LlmSummarizer(OpenAiChatClient client, Summarizer fallback, EnrichmentSink problems) {
    this.client = Require.nonNull(client, "client");
    this.fallback = Require.nonNull(fallback, "fallback");
    this.problems = Require.nonNull(problems, "problems");
  }

  @Override
  public String summarize(List<MemoryItem> items, int maxTokens) {
    if (maxTokens <= 0) {
      throw new IllegalArgumentException("maxTokens must be positive, was " + maxTokens);
    }
    if (items.isEmpty()) {
      return "";
    }
    StringBuilder excerpts = new StringBuilder();
    for (MemoryItem item : items) {
      excerpts.append(item.text().strip()).append("\n\n");
    }
    String prompt = "Summarise in at most " + Math.max(1, maxTokens * 3 / 4) + " words:\n\n" + excerpts.toString().strip();
    String job = "summary of " + items.size() + " items of session " + items.get(0).session();
    try {
      String summary = client.complete(List.of(ChatTurn.system(SYSTEM), ChatTurn.user(prompt))).content().strip();
      if (!summary.isEmpty()) {
        return cut(summary, maxTokens * 4);
      }
      problems.problem(job, "LLM returned an empty summary, used the fallback");
    } catch (OpenAiException e) {
      problems.problem(job, "LLM summary failed, used the fallback: " + e.getMessage());
    }
    return fallback.summarize(items, maxTokens);
  }

  /** {@code text} within {@code maxChars}, ending at the last sentence end, else word, that fits. */
  static String cut(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    String head = text.substring(0, maxChars);
    int sentence = Math.max(head.lastIndexOf(". "), Math.max(head.lastIndexOf("! "), head.lastIndexOf("? ")));
    if (sentence > 0) {
      return head.substring(0, sentence + 1);
    }
    int word = head.lastIndexOf(' ');
    return word > 0 ? head.substring(0, word) : head;
  }
}
