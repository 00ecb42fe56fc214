package dev.engram.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiSettingsTest {
  @TempDir Path home;

  private Path configFile(String text) throws IOException {
    Path dir = Files.createDirectories(home.resolve(".engram"));
    return Files.writeString(dir.resolve("config.properties"), text);
  }

  private static Map<String, String> flags(String... pairs) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void no_base_url_means_offline() {
    assertThat(OpenAiSettings.load(Map.of(), Map.of(), home).config()).isEmpty();
  }

  @Test
  void flags_beat_environment_which_beats_the_config_file() throws IOException {
    configFile("llm.base-url=http://file:1/v1\nllm.model=file-model\nllm.api-key=file-key\nllm.timeout=7s\n");
    Map<String, String> env = Map.of("ENGRAM_LLM_BASE_URL", "http://env:2/v1", "ENGRAM_LLM_MODEL", "env-model");

    OpenAiConfig config = OpenAiSettings.load(flags("--llm-model", "flag-model"), env, home).config().orElseThrow();

    assertThat(config.baseUrl()).hasToString("http://env:2/v1");
    assertThat(config.model()).isEqualTo("flag-model");
    assertThat(config.apiKey()).isEqualTo("file-key");
    assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(config.retry()).isEqualTo(RetryPolicy.DEFAULT);
  }

  @Test
  void engram_key_wins_over_openai_api_key_which_is_the_fallback() {
    Map<String, String> env = new HashMap<>(Map.of("ENGRAM_LLM_BASE_URL", "http://h/v1", "OPENAI_API_KEY", "sk-openai"));
    assertThat(OpenAiSettings.load(Map.of(), env, home).config().orElseThrow().apiKey()).isEqualTo("sk-openai");

    env.put("ENGRAM_LLM_API_KEY", "sk-engram");
    assertThat(OpenAiSettings.load(Map.of(), env, home).config().orElseThrow().apiKey()).isEqualTo("sk-engram");
  }

  @Test
  void a_named_config_file_must_exist() {
    Map<String, String> flags = flags("--llm-config", home.resolve("missing.properties").toString());

    assertThatThrownBy(() -> OpenAiSettings.load(flags, Map.of(), home))
        .hasMessage("config file " + home.resolve("missing.properties") + " does not exist");
  }

  @Test
  void a_named_config_file_replaces_the_default_one() throws IOException {
    configFile("llm.base-url=http://default/v1\n");
    Path other = Files.writeString(home.resolve("other.properties"), "llm.base-url=http://other/v1\nllm.max-retries=5\n");

    OpenAiConfig config = OpenAiSettings.load(Map.of(), Map.of("ENGRAM_CONFIG", other.toString()), home)
        .config().orElseThrow();

    assertThat(config.baseUrl()).hasToString("http://other/v1");
    assertThat(config.retry().maxRetries()).isEqualTo(5);
  }

  @Test
  void malformed_values_are_named() {
    Map<String, String> env = Map.of("ENGRAM_LLM_BASE_URL", "http://h/v1");

    assertThatThrownBy(() -> OpenAiSettings.load(flags("--llm-timeout", "soon"), env, home).config())
        .hasMessage("--llm-timeout must be a duration such as 500ms, 30s or 2m, was 'soon'");
    assertThatThrownBy(() -> OpenAiSettings.load(flags("--llm-retries", "many"), env, home).config())
        .hasMessage("--llm-retries must be a whole number, was 'many'");
    assertThatThrownBy(() -> OpenAiSettings.load(flags("--llm-retries", "11"), env, home).config())
        .hasMessage("maxRetries must be in [0, 10], was 11");
    assertThatThrownBy(() -> OpenAiSettings.load(flags("--llm-url", "localhost:11434"), Map.of(), home).config())
        .hasMessageStartingWith("baseUrl must be an http(s) URL such as http://localhost:11434/v1");
  }

  @Test
  void durations_accept_units_and_iso() {
    assertThat(OpenAiSettings.duration("500ms", "x")).isEqualTo(Duration.ofMillis(500));
    assertThat(OpenAiSettings.duration("30s", "x")).isEqualTo(Duration.ofSeconds(30));
    assertThat(OpenAiSettings.duration("2m", "x")).isEqualTo(Duration.ofMinutes(2));
    assertThat(OpenAiSettings.duration("45", "x")).isEqualTo(Duration.ofSeconds(45));
    assertThat(OpenAiSettings.duration("PT1M30S", "x")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void to_string_never_shows_the_key_and_trailing_slash_is_dropped() {
    OpenAiConfig config = OpenAiConfig.builder("http://localhost:11434/v1/").apiKey("sk-secret").build();

    assertThat(config.toString()).doesNotContain("sk-secret").contains("apiKey=(set)");
    assertThat(config.endpoint("chat/completions")).hasToString("http://localhost:11434/v1/chat/completions");
  }

  @Test
  void the_embedding_dimension_is_read_or_left_to_the_probe() {
    assertThat(OpenAiSettings.load(Map.of(), Map.of(), home).embeddingDimension()).isZero();
    assertThat(OpenAiSettings.load(Map.of(), Map.of("ENGRAM_EMBED_DIMENSION", "768"), home).embeddingDimension())
        .isEqualTo(768);
  }
}
