package dev.engram.openai;

import dev.engram.model.Require;
import java.net.URI;
import java.time.Duration;

/**
 * Where and how to reach an OpenAI-compatible endpoint (OpenAI, Ollama, llama.cpp's server,
 * vLLM, LM Studio). Immutable; {@link #toString()} never shows the API key.
 *
 * @param baseUrl the API root including its version path, e.g. {@code http://localhost:11434/v1};
 *     {@code /chat/completions} and {@code /embeddings} are appended. Stored without a trailing
 *     slash
 * @param model the chat model; null when only embeddings are used
 * @param embeddingModel the embeddings model; null when only chat is used
 * @param apiKey sent as {@code Authorization: Bearer ...}; null sends no header (Ollama needs none)
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for a whole reply (a stream: for the first byte)
 * @param retry retries on 429, 5xx, timeouts and refused connections
 * @param temperature sampling temperature in [0, 2]; 0 (the default) for repeatable answers
 */
public record OpenAiConfig(
    URI baseUrl, String model, String embeddingModel, String apiKey, Duration connectTimeout,
    Duration requestTimeout, RetryPolicy retry, double temperature) {

  /** Connection timeout unless configured. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Reply timeout unless configured: local models on a CPU can take a minute for a long answer. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);

  public OpenAiConfig {
    Require.nonNull(baseUrl, "baseUrl");
    String scheme = baseUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || baseUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "baseUrl must be an http(s) URL such as http://localhost:11434/v1, was '" + baseUrl + "'");
    }
    String text = baseUrl.toString();
    baseUrl = text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : baseUrl;
    model = blankToNull(model);
    embeddingModel = blankToNull(embeddingModel);
    apiKey = blankToNull(apiKey);
    positive(connectTimeout, "connectTimeout");
    positive(requestTimeout, "requestTimeout");
    Require.nonNull(retry, "retry");
    if (!(temperature >= 0 && temperature <= 2)) {
      throw new IllegalArgumentException("temperature must be in [0, 2], was " + temperature);
    }
  }

  /** A builder for {@code baseUrl} with every other setting at its default. */
  public static Builder builder(String baseUrl) {
    return new Builder(baseUrl);
  }

  /** The URL of an endpoint under the base URL, e.g. {@code endpoint("chat/completions")}. */
  public URI endpoint(String path) {
    return URI.create(baseUrl + "/" + path);
  }

  @Override
  public String toString() {
    return "OpenAiConfig[baseUrl=" + baseUrl + ", model=" + model + ", embeddingModel="
        + embeddingModel + ", apiKey=" + (apiKey == null ? "none" : "(set)") + ", connectTimeout="
        + connectTimeout + ", requestTimeout=" + requestTimeout + ", retry=" + retry
        + ", temperature=" + temperature + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static void positive(Duration value, String name) {
    Require.nonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  /** Builds an {@link OpenAiConfig}; every default is set here. Not thread-safe. */
  public static final class Builder {
    private final String baseUrl;
    private String model;
    private String embeddingModel;
    private String apiKey;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private double temperature = 0;

    private Builder(String baseUrl) {
      this.baseUrl = Require.nonBlank(baseUrl, "baseUrl");
    }

    public Builder model(String value) {
      this.model = value;
      return this;
    }

    public Builder embeddingModel(String value) {
      this.embeddingModel = value;
      return this;
    }

    public Builder apiKey(String value) {
      this.apiKey = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    public Builder requestTimeout(Duration value) {
      this.requestTimeout = value;
      return this;
    }

    public Builder retry(RetryPolicy value) {
      this.retry = value;
      return this;
    }

    public Builder temperature(double value) {
      this.temperature = value;
      return this;
    }

    /** @throws IllegalArgumentException naming the first invalid setting */
    public OpenAiConfig build() {
      URI uri;
      try {
        uri = URI.create(baseUrl.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("baseUrl is not a URL: '" + baseUrl + "'", e);
      }
      return new OpenAiConfig(uri, model, embeddingModel, apiKey, connectTimeout, requestTimeout,
          retry, temperature);
    }
  }
}
