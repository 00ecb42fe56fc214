package dev.engram.openai;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Resolves an {@link OpenAiConfig} from command-line flags, environment variables and a
 * properties file, in that order of precedence, then the defaults. {@link #SETTINGS} is the one
 * list of every setting; docs/configuration.md shows it as a table. Stateless and thread-safe.
 */
public final class OpenAiSettings {

  /**
   * One setting and every place it can come from.
   *
   * @param flag the command-line flag, or null when there is none
   * @param env the environment variables, first wins
   * @param fileKey the key in the properties file, or null
   * @param defaultValue what applies when nothing is set, as shown to users
   * @param meaning one line for the docs
   */
  public record Setting(String flag, List<String> env, String fileKey, String defaultValue, String meaning) {
    public Setting {
      env = List.copyOf(env);
    }
  }

  public static final Setting BASE_URL = new Setting("--llm-url", List.of("ENGRAM_LLM_BASE_URL"),
      "llm.base-url", "none: offline", "API root of an OpenAI-compatible server, including /v1");
  public static final Setting MODEL = new Setting("--llm-model", List.of("ENGRAM_LLM_MODEL"),
      "llm.model", "none", "chat model name; required with a base URL");
  public static final Setting API_KEY = new Setting("--llm-api-key",
      List.of("ENGRAM_LLM_API_KEY", "OPENAI_API_KEY"), "llm.api-key", "none: no header",
      "sent as a bearer token; prefer the environment to the flag, which `ps` shows");
  public static final Setting TIMEOUT = new Setting("--llm-timeout", List.of("ENGRAM_LLM_TIMEOUT"),
      "llm.timeout", "120s", "longest wait for a reply (500ms, 30s, 2m or ISO PT30S)");
  public static final Setting MAX_RETRIES = new Setting("--llm-retries",
      List.of("ENGRAM_LLM_MAX_RETRIES"), "llm.max-retries", "2",
      "retries on 429, 5xx, timeouts and refused connections, backing off 0.5s, 1s, 2s ... (max 8s)");
  public static final Setting EMBEDDING_MODEL = new Setting(null, List.of("ENGRAM_EMBED_MODEL"),
      "llm.embedding-model", "none", "model of the remote embedder (embedder kind `openai`)");
  public static final Setting EMBEDDING_DIMENSION = new Setting(null,
      List.of("ENGRAM_EMBED_DIMENSION"), "llm.embedding-dimension", "asked from the endpoint",
      "vector length of the embedding model");
  public static final Setting CONFIG_FILE = new Setting("--llm-config", List.of("ENGRAM_CONFIG"),
      null, "~/.engram/config.properties", "the properties file the `llm.*` keys are read from");

  /** Every setting, in table order. */
  public static final List<Setting> SETTINGS = List.of(
      BASE_URL, MODEL, API_KEY, TIMEOUT, MAX_RETRIES, EMBEDDING_MODEL, EMBEDDING_DIMENSION, CONFIG_FILE);

  private final Map<String, String> flags;
  private final Map<String, String> env;
  private final Properties file;

  private OpenAiSettings(Map<String, String> flags, Map<String, String> env, Properties file) {
    this.flags = flags;
    this.env = env;
    this.file = file;
  }

  /**
   * Reads the settings.
   *
   * @param flags flag name to value, e.g. {@code "--llm-url" -> "http://..."}; null values are
   *     unset flags
   * @param env the environment, usually {@link System#getenv()}
   * @param home the user's home directory for the default config file, or null for none
   * @throws IllegalArgumentException if a config file named by flag or environment is missing or
   *     unreadable
   */
  public static OpenAiSettings load(Map<String, String> flags, Map<String, String> env, Path home) {
    Map<String, String> givenFlags = new HashMap<>();
    flags.forEach((name, value) -> {
      if (value != null && !value.isBlank()) {
        givenFlags.put(name, value.strip());
      }
    });
    OpenAiSettings bootstrap = new OpenAiSettings(givenFlags, env, new Properties());
    String named = bootstrap.value(CONFIG_FILE);
    Properties properties = new Properties();
    if (named != null) {
      read(Path.of(named), properties, true);
    } else if (home != null) {
      read(home.resolve(".engram").resolve("config.properties"), properties, false);
    }
    return new OpenAiSettings(givenFlags, env, properties);
  }

  /** {@link #load} with the process environment and home directory. */
  public static OpenAiSettings fromEnvironment(Map<String, String> flags) {
    String home = System.getProperty("user.home");
    return load(flags, System.getenv(), home == null ? null : Path.of(home));
  }

  /** The value of {@code setting} from the first place that sets it, or null. */
  public String value(Setting setting) {
    if (setting.flag() != null && flags.containsKey(setting.flag())) {
      return flags.get(setting.flag());
    }
    for (String name : setting.env()) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    String value = setting.fileKey() == null ? null : file.getProperty(setting.fileKey());
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * The endpoint configuration, or empty when no base URL is set (then Engram stays offline).
   *
   * @throws IllegalArgumentException naming the setting when a value is malformed
   */
  public Optional<OpenAiConfig> config() {
    String baseUrl = value(BASE_URL);
    if (baseUrl == null) {
      return Optional.empty();
    }
    OpenAiConfig.Builder builder = OpenAiConfig.builder(baseUrl)
        .model(value(MODEL))
        .embeddingModel(value(EMBEDDING_MODEL))
        .apiKey(value(API_KEY));
    String timeout = value(TIMEOUT);
    if (timeout != null) {
      builder.requestTimeout(duration(timeout, describe(TIMEOUT)));
    }
    String retries = value(MAX_RETRIES);
    if (retries != null) {
      builder.retry(RetryPolicy.DEFAULT.withMaxRetries(integer(retries, describe(MAX_RETRIES))));
    }
    return Optional.of(builder.build());
  }

  /** The configured embedding dimension, or 0 when it should be asked from the endpoint. */
  public int embeddingDimension() {
    String value = value(EMBEDDING_DIMENSION);
    return value == null ? 0 : integer(value, describe(EMBEDDING_DIMENSION));
  }

  /**
   * Parses {@code 500ms}, {@code 30s}, {@code 2m}, a plain number of seconds, or ISO-8601.
   *
   * @throws IllegalArgumentException naming {@code what} and the value
   */
  public static Duration duration(String text, String what) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("pt")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      } else if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      } else if (value.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
      } else if (value.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
      }
      return Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(what + " must be a duration such as 500ms, 30s or 2m, was '" + text + "'");
    }
  }

  private static int integer(String text, String what) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a whole number, was '" + text + "'");
    }
  }

  private static String describe(Setting setting) {
    return setting.flag() != null ? setting.flag() : setting.env().get(0);
  }

  private static void read(Path path, Properties into, boolean required) {
    if (!Files.isRegularFile(path)) {
      if (required) {
        throw new IllegalArgumentException("config file " + path + " does not exist");
      }
      return;
    }
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      into.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot read config file " + path + ": " + e.getMessage(), e);
    }
  }
}
