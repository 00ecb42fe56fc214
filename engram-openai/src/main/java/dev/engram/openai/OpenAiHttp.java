package dev.engram.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs JSON to one OpenAI-compatible server with bounded retries. Thread-safe.
 *
 * <p>Retried: 408, 409, 429, 5xx, timeouts, refused or reset connections, and 2xx bodies that
 * could not be read or parsed. Not retried: other 4xx (a wrong key or model stays wrong). Error
 * messages name the endpoint and status; the API key is scrubbed from anything the server echoes.
 */
final class OpenAiHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ECHO = 300;

  private final OpenAiConfig config;
  private final HttpClient client;
  private final Sleeper sleeper;

  OpenAiHttp(OpenAiConfig config, Sleeper sleeper) {
    this.config = config;
    this.sleeper = sleeper;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1) // some local servers mishandle the h2c upgrade
        .connectTimeout(config.connectTimeout())
        .build();
  }

  OpenAiConfig config() {
    return config;
  }

  /** Reads a successful reply body; throws {@link Failure} to have the whole call retried. */
  @FunctionalInterface
  interface BodyReader<T> {
    T read(URI endpoint, InputStream body) throws IOException, Failure;
  }

  /**
   * POSTs {@code body} to {@code path} under the base URL and reads a 2xx reply with
   * {@code reader}, retrying as the policy allows.
   *
   * @throws OpenAiException naming the endpoint and status when every attempt failed
   */
  <T> T post(String path, String body, BodyReader<T> reader) {
    URI endpoint = config.endpoint(path);
    RetryPolicy retry = config.retry();
    for (int attempt = 0; ; attempt++) {
      Failure failure;
      try {
        return attempt(endpoint, body, reader);
      } catch (Failure f) {
        failure = f;
      }
      if (!failure.retryable || attempt >= retry.maxRetries()) {
        String tries = attempt == 0 ? "" : " (gave up after " + (attempt + 1) + " attempts)";
        throw new OpenAiException(endpoint.toString(), failure.status, failure.getMessage() + tries,
            failure.getCause());
      }
      try {
        sleeper.sleep(retry.backoff(attempt, failure.retryAfter));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OpenAiException(endpoint.toString(), failure.status,
            "interrupted while waiting to retry " + endpoint, e);
      }
    }
  }

  private <T> T attempt(URI endpoint, String body, BodyReader<T> reader) throws Failure {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .timeout(config.requestTimeout())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (config.apiKey() != null) {
      request.header("Authorization", "Bearer " + config.apiKey());
    }
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new Failure(0, true, null,
          "endpoint " + endpoint + " did not answer within " + seconds(config.requestTimeout()), e);
    } catch (ConnectException e) {
      throw new Failure(0, true, null, "endpoint " + endpoint + " is unreachable: "
          + (e.getMessage() == null ? "connection refused" : e.getMessage()), e);
    } catch (IOException e) {
      throw new Failure(0, true, null, "endpoint " + endpoint + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure(0, false, null, "interrupted while calling " + endpoint, e);
    }
    int status = response.statusCode();
    try (InputStream stream = response.body()) {
      if (status / 100 == 2) {
        return reader.read(endpoint, stream);
      }
      String reply = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      throw new Failure(status, RetryPolicy.retryable(status), retryAfter(response),
          "endpoint " + endpoint + " answered HTTP " + status + ": " + serverMessage(reply) + hint(status), null);
    } catch (IOException e) {
      throw new Failure(status, true, null,
          "endpoint " + endpoint + " answered HTTP " + status + " but the reply was cut: " + e, e);
    }
  }

  /** The server's own explanation, from {@code {"error": {"message": ...}}} or the raw text. */
  String serverMessage(String reply) {
    String message = reply.strip();
    try {
      JsonNode error = JSON.readTree(reply).path("error");
      if (error.isTextual()) {
        message = error.asText();
      } else if (error.path("message").isTextual()) {
        message = error.path("message").asText();
      }
    } catch (IOException e) {
      // not JSON: show the raw text
    }
    return scrub(message.isEmpty() ? "(empty body)" : message);
  }

  /** Removes the API key (servers echo wrong keys) and caps the length. */
  String scrub(String text) {
    String clean = config.apiKey() == null ? text : text.replace(config.apiKey(), "[api key]");
    return clean.length() <= MAX_ECHO ? clean : clean.substring(0, MAX_ECHO) + "...";
  }

  private static String hint(int status) {
    if (status == 401 || status == 403) {
      return " (check the API key: --llm-api-key, ENGRAM_LLM_API_KEY or OPENAI_API_KEY)";
    }
    if (status == 404) {
      return " (check the base URL, which usually ends in /v1, and the model name)";
    }
    return "";
  }

  private static Duration retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").map(value -> {
      try {
        return Duration.ofSeconds(Long.parseLong(value.strip()));
      } catch (NumberFormatException e) {
        return null; // an HTTP date: fall back to our own backoff
      }
    }).orElse(null);
  }

  static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  /** One failed attempt: what to say, and whether another attempt may succeed. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final boolean retryable;
    final transient Duration retryAfter;

    Failure(int status, boolean retryable, Duration retryAfter, String message, Throwable cause) {
      super(message, cause, false, false);
      this.status = status;
      this.retryable = retryable;
      this.retryAfter = retryAfter;
    }
  }
}
