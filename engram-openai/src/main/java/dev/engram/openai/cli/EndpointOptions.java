package dev.engram.openai.cli;

import dev.engram.openai.OpenAiConfig;
import dev.engram.openai.OpenAiSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The OpenAI-compatible endpoint options ({@code --llm-*}) of every command that can use a model
 * ({@code ask}, {@code chat}, {@code bench}), as a picocli mixin. Flags win over environment
 * variables, which win over the config file; see docs/configuration.md. No base URL: offline.
 */
public final class EndpointOptions {
  @Option(names = "--llm-url", paramLabel = "URL",
      description = "OpenAI-compatible API root, e.g. http://localhost:11434/v1 for Ollama "
          + "(default: $ENGRAM_LLM_BASE_URL, else llm.base-url in the config file, else offline).")
  String url;

  @Option(names = "--llm-model", paramLabel = "NAME",
      description = "Chat model, e.g. llama3.1 (default: $ENGRAM_LLM_MODEL, else llm.model).")
  String model;

  @Option(names = "--llm-api-key", paramLabel = "KEY",
      description = "API key; prefer $ENGRAM_LLM_API_KEY or $OPENAI_API_KEY, which ps does not show.")
  String apiKey;

  @Option(names = "--llm-timeout", paramLabel = "DURATION",
      description = "Longest wait for a reply: 500ms, 30s, 2m (default: $ENGRAM_LLM_TIMEOUT, else 120s).")
  String timeout;

  @Option(names = "--llm-retries", paramLabel = "N",
      description = "Retries on 429, 5xx, timeouts (default: $ENGRAM_LLM_MAX_RETRIES, else 2).")
  String retries;

  @Option(names = "--llm-config", paramLabel = "FILE",
      description = "Properties file with llm.* keys (default: $ENGRAM_CONFIG, else ~/.engram/config.properties).")
  String configFile;

  /**
   * The endpoint, or empty to stay offline.
   *
   * @throws IllegalArgumentException naming the setting when a value is wrong
   */
  public Optional<OpenAiConfig> config() {
    Map<String, String> flags = new HashMap<>();
    flags.put(OpenAiSettings.BASE_URL.flag(), url);
    flags.put(OpenAiSettings.MODEL.flag(), model);
    flags.put(OpenAiSettings.API_KEY.flag(), apiKey);
    flags.put(OpenAiSettings.TIMEOUT.flag(), timeout);
    flags.put(OpenAiSettings.MAX_RETRIES.flag(), retries);
    flags.put(OpenAiSettings.CONFIG_FILE.flag(), configFile);
    return OpenAiSettings.fromEnvironment(flags).config();
  }
}
