package dev.engram.bench.llm;

import dev.engram.model.Require;
import dev.engram.openai.OpenAiChatClient;
import dev.engram.openai.OpenAiConfig;
import dev.engram.openai.reader.LlmReader;
import dev.engram.reader.Reader;
import java.util.Locale;

/**
 * How a bench run uses an LLM: which reader answers ({@code extractive} or {@code llm}), whether
 * an LLM judge scores the answers, and the endpoint. Immutable.
 *
 * @param llmReader answer with the quote-checked {@link LlmReader} (falling back to the
 *     extractive reader) instead of the extractive reader alone
 * @param judge score answers with {@link LlmJudge} as well as token F1
 * @param endpoint the endpoint; null only when neither the reader nor the judge is an LLM
 * @param judgeModel the judge's model; null for the endpoint's chat model
 */
public record LlmBench(boolean llmReader, boolean judge, OpenAiConfig endpoint, String judgeModel) {
  /** The extractive reader and no judge: a fully offline run. */
  public static final LlmBench OFF = new LlmBench(false, false, null, null);

  public LlmBench {
    if ((llmReader || judge) && endpoint == null) {
      throw new IllegalArgumentException((llmReader ? "--reader llm" : "--judge llm")
          + " needs an OpenAI-compatible endpoint: --llm-url and --llm-model "
          + "(or ENGRAM_LLM_BASE_URL and ENGRAM_LLM_MODEL)");
    }
    if (endpoint != null && endpoint.model() == null) {
      throw new IllegalArgumentException("no chat model configured for " + endpoint.baseUrl()
          + ": set --llm-model or ENGRAM_LLM_MODEL");
    }
  }

  /** The reader for a run: {@code offline} itself, or the LLM reader falling back to it. */
  public Reader reader(Reader offline) {
    Require.nonNull(offline, "offline");
    return llmReader ? new LlmReader(new OpenAiChatClient(endpoint), offline) : offline;
  }

  /** The judge, or null when answers are scored by F1 only. */
  public LlmJudge judgeOrNull() {
    if (!judge) {
      return null;
    }
    OpenAiConfig config = judgeModel == null ? endpoint
        : OpenAiConfig.builder(endpoint.baseUrl().toString()).model(judgeModel).apiKey(endpoint.apiKey())
            .requestTimeout(endpoint.requestTimeout()).retry(endpoint.retry()).build();
    return new LlmJudge(new OpenAiChatClient(config));
  }

  /** How the report names the reader, e.g. {@code LlmReader(llama3.1 at http://...; fallback ExtractiveReader)}. */
  public String describeReader(String offlineName) {
    return llmReader ? "LlmReader(" + endpoint.model() + " at " + endpoint.baseUrl() + "; fallback "
        + offlineName + ")" : offlineName;
  }

  /** The judge as the report shows it: model, endpoint and the full prompt; null without a judge. */
  public String describeJudge() {
    if (!judge) {
      return null;
    }
    String model = judgeModel == null ? endpoint.model() : judgeModel;
    return "LlmJudge(" + model + " at " + endpoint.baseUrl() + ")\n" + LlmJudge.PROMPT;
  }

  /** Parses a {@code --reader} or {@code --judge} value. */
  static boolean isLlm(String value, String option, String offlineValue) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.equals("llm")) {
      return true;
    }
    if (v.equals(offlineValue)) {
      return false;
    }
    throw new IllegalArgumentException(option + " must be " + offlineValue + " or llm, was '" + value + "'");
  }
}
