package dev.engram.bench.llm;

import dev.engram.openai.OpenAiSettings;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The bench options for an LLM reader and judge; the endpoint options match {@code engram ask}. */
public final class LlmBenchOptions {
  @Option(names = "--reader", paramLabel = "KIND", defaultValue = "extractive",
      description = "Reader that answers: extractive (offline) or llm (quote-checked, falls back to "
          + "extractive; needs --llm-url and --llm-model) (default: ${DEFAULT-VALUE}).")
  String reader;

  @Option(names = "--judge", paramLabel = "KIND", defaultValue = "none",
      description = "Also score answers with an LLM judge (llm) beside token F1; the judge prompt "
          + "is printed in the report (default: ${DEFAULT-VALUE}).")
  String judge;

  @Option(names = "--judge-model", paramLabel = "NAME",
      description = "Model of the judge (default: the --llm-model).")
  String judgeModel;

  @Option(names = "--llm-url", paramLabel = "URL",
      description = "OpenAI-compatible API root, e.g. http://localhost:11434/v1 (default: $ENGRAM_LLM_BASE_URL).")
  String url;

  @Option(names = "--llm-model", paramLabel = "NAME", description = "Chat model (default: $ENGRAM_LLM_MODEL).")
  String model;

  @Option(names = "--llm-api-key", paramLabel = "KEY",
      description = "API key; prefer $ENGRAM_LLM_API_KEY or $OPENAI_API_KEY.")
  String apiKey;

  @Option(names = "--llm-timeout", paramLabel = "DURATION", description = "Longest wait for a reply (default: 120s).")
  String timeout;

  @Option(names = "--llm-retries", paramLabel = "N", description = "Retries on 429, 5xx, timeouts (default: 2).")
  String retries;

  @Option(names = "--llm-config", paramLabel = "FILE",
      description = "Properties file with llm.* keys (default: ~/.engram/config.properties).")
  String configFile;

  /**
   * The run's LLM setup; the endpoint is only read when the reader or the judge is an LLM.
   *
   * @throws IllegalArgumentException naming the option when a value is wrong or missing
   */
  public LlmBench setup() {
    boolean llmReader = LlmBench.isLlm(reader, "--reader", "extractive");
    boolean llmJudge = LlmBench.isLlm(judge, "--judge", "none");
    if (!llmReader && !llmJudge) {
      return LlmBench.OFF;
    }
    Map<String, String> flags = new HashMap<>();
    flags.put(OpenAiSettings.BASE_URL.flag(), url);
    flags.put(OpenAiSettings.MODEL.flag(), model);
    flags.put(OpenAiSettings.API_KEY.flag(), apiKey);
    flags.put(OpenAiSettings.TIMEOUT.flag(), timeout);
    flags.put(OpenAiSettings.MAX_RETRIES.flag(), retries);
    flags.put(OpenAiSettings.CONFIG_FILE.flag(), configFile);
    return new LlmBench(llmReader, llmJudge, OpenAiSettings.fromEnvironment(flags).config().orElse(null), judgeModel);
  }
}
