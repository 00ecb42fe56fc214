package dev.engram.openai.reader;

import dev.engram.openai.ChatTurn;
import dev.engram.read.Context;
import java.util.List;

/**
 * The quote-then-answer prompt (ALR²): the model first copies the sentences it relies on, each
 * with the number of the memory item it comes from, then answers, as one JSON object. The packed
 * context is sent as recall rendered it, items headed {@code [n] date · session · #seq}.
 */
final class QuotePrompt {
  /** What the model answers when memory does not hold the answer. */
  static final String NOT_IN_MEMORY = "NOT_IN_MEMORY";

  static final String SYSTEM = """
      You answer questions about a user from their remembered conversations and documents.
      Use only the memory items below; each starts with a header line "[n] date · session · #seq".
      First copy, word for word, the sentences that answer the question, each with the number n
      of the item it comes from. Then give a short answer based only on those quotes.
      Reply with one JSON object and nothing else:
      {"quotes": [{"item": n, "text": "sentence copied exactly"}], "answer": "short answer"}
      If the memory items do not contain the answer, reply exactly:
      {"quotes": [], "answer": "NOT_IN_MEMORY"}""";

  private QuotePrompt() {}

  /** The first request: instructions, then the memory and the question. */
  static List<ChatTurn> first(String question, Context context) {
    return List.of(ChatTurn.system(SYSTEM), ChatTurn.user(userText(question, context)));
  }

  /** The retry: the first exchange, then what was wrong with the reply. */
  static List<ChatTurn> retry(String question, Context context, String reply, String problem) {
    return List.of(
        ChatTurn.system(SYSTEM),
        ChatTurn.user(userText(question, context)),
        ChatTurn.assistant(reply),
        ChatTurn.user("Your reply was rejected: " + problem + ". Quote only sentences that appear "
            + "word for word in the memory items, as the JSON object described, or answer "
            + NOT_IN_MEMORY + "."));
  }

  static String userText(String question, Context context) {
    return "Memory items:\n\n" + context.text().strip() + "\n\nQuestion: " + question.strip();
  }
}
