package dev.engram.bench.llm;

import dev.engram.model.Require;
import dev.engram.openai.ChatTurn;
import dev.engram.openai.OpenAiChatClient;
import dev.engram.openai.OpenAiException;
import java.util.List;
import java.util.Locale;

/**
 * Scores an answer against the gold answer by asking a chat model, with the yes/no prompt
 * LongMemEval and Mem0-style evaluations use, so accuracy is comparable to published tables.
 * {@link #PROMPT} is printed in every report that uses the judge. Thread-safe.
 */
public final class LlmJudge {
  /** The judge prompt; {@code {question}}, {@code {gold}} and {@code {answer}} are filled in. */
  public static final String PROMPT = """
      I will give you a question, a correct answer, and a response from a model. Please answer \
      yes if the response contains the correct answer. Otherwise, answer no. If the response is \
      equivalent to the correct answer or contains all the intermediate steps to get the correct \
      answer, you should also answer yes. If the response only contains a subset of the \
      information required by the answer, answer no.

      Question: {question}

      Correct Answer: {gold}

      Model Response: {answer}

      Is the model response correct? Answer yes or no only.""";

  /** A judgement. */
  public enum Verdict {
    /** The judge said yes. */
    CORRECT,
    /** The judge said no, or the answer was an abstention. */
    WRONG,
    /** The judge said neither yes nor no, or its endpoint failed. */
    UNCLEAR
  }

  private final OpenAiChatClient client;

  public LlmJudge(OpenAiChatClient client) {
    this.client = Require.nonNull(client, "client");
  }

  /** The judge model. */
  public String model() {
    return client.model();
  }

  /**
   * Judges {@code answer}; an empty answer (an abstention) is wrong without asking.
   * Never throws for an endpoint failure: that is {@link Verdict#UNCLEAR}.
   */
  public Verdict judge(String question, String gold, String answer) {
    if (answer.isBlank()) {
      return Verdict.WRONG;
    }
    String prompt = PROMPT.replace("{question}", question).replace("{gold}", gold).replace("{answer}", answer);
    try {
      return parse(client.complete(List.of(ChatTurn.user(prompt))).content());
    } catch (OpenAiException e) {
      return Verdict.UNCLEAR;
    }
  }

  static Verdict parse(String reply) {
    String word = reply.strip().toLowerCase(Locale.ROOT).replaceAll("^[^a-z]+", "");
    if (word.startsWith("yes")) {
      return Verdict.CORRECT;
    }
    return word.startsWith("no") ? Verdict.WRONG : Verdict.UNCLEAR;
  }
}
