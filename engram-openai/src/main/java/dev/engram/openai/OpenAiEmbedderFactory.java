package dev.engram.openai;

import dev.engram.embed.Embedder;
import dev.engram.spi.EmbedderFactory;
import java.util.Map;

/**
 * Registers {@link OpenAiEmbedder} as embedder kind {@value #NAME} for
 * {@link dev.engram.spi.Providers#embedder(String)}, configured from the environment and the
 * config file ({@link OpenAiSettings}: base URL, API key, {@code ENGRAM_EMBED_MODEL}, optional
 * {@code ENGRAM_EMBED_DIMENSION}). Public only because {@link java.util.ServiceLoader} needs it.
 */
public final class OpenAiEmbedderFactory implements EmbedderFactory {
  /** The embedder kind users choose this by. */
  public static final String NAME = "openai";

  @Override
  public String name() {
    return NAME;
  }

  /**
   * @throws IllegalArgumentException if no base URL or embedding model is configured
   */
  @Override
  public Embedder create() {
    OpenAiSettings settings = OpenAiSettings.fromEnvironment(Map.of());
    OpenAiConfig config = settings.config().orElseThrow(() -> new IllegalArgumentException(
        "embedder 'openai' needs an endpoint: set ENGRAM_LLM_BASE_URL or llm.base-url"));
    return new OpenAiEmbedder(config, settings.embeddingDimension(), OpenAiEmbedder.DEFAULT_BATCH_SIZE,
        Sleeper.system());
  }
}
