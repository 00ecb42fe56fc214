package dev.engram.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.model.Require;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * A client for {@code POST {baseUrl}/chat/completions}, plain or streamed as server-sent events.
 * Thread-safe; one instance can serve many threads.
 *
 * <p>Failures throw {@link OpenAiException} naming the endpoint and status: after the configured
 * retries for 429, 5xx, timeouts, unreachable servers and unreadable replies; at once for other
 * 4xx (wrong key, unknown model). A stream cut after content was delivered is not retried.
 */
public final class OpenAiChatClient {
  private static final String PATH = "chat/completions";

  private final OpenAiHttp http;
  private final String model;

  /** A client that sleeps for real between retries. */
  public OpenAiChatClient(OpenAiConfig config) {
    this(config, Sleeper.system());
  }

  /**
   * @throws IllegalArgumentException if {@code config} names no chat model
   */
  public OpenAiChatClient(OpenAiConfig config, Sleeper sleeper) {
    Require.nonNull(config, "config");
    if (config.model() == null) {
      throw new IllegalArgumentException("no chat model configured for " + config.baseUrl()
          + ": set --llm-model, ENGRAM_LLM_MODEL or llm.model");
    }
    this.http = new OpenAiHttp(config, Require.nonNull(sleeper, "sleeper"));
    this.model = config.model();
  }

  /** The chat model asked. */
  public String model() {
    return model;
  }

  /** The chat completions URL. */
  public String endpoint() {
    return http.config().endpoint(PATH).toString();
  }

  /**
   * Asks the model and waits for the whole answer.
   *
   * @param turns the conversation, non-empty
   * @throws OpenAiException if the endpoint fails or answers something that is not a completion
   */
  public ChatCompletion complete(List<ChatTurn> turns) {
    return http.post(PATH, request(turns, false), this::readCompletion);
  }

  /**
   * Asks the model with {@code "stream": true}, handing each content delta to {@code onDelta} as
   * it arrives (on the calling thread), and returns the joined answer.
   *
   * @throws OpenAiException if the endpoint fails, sends a malformed event, or the stream ends
   *     before {@code [DONE]} or a finish reason
   */
  public ChatCompletion stream(List<ChatTurn> turns, Consumer<String> onDelta) {
    Require.nonNull(onDelta, "onDelta");
    return http.post(PATH, request(turns, true), (endpoint, body) -> readStream(endpoint, body, onDelta));
  }

  private String request(List<ChatTurn> turns, boolean stream) {
    Require.nonNull(turns, "turns");
    if (turns.isEmpty()) {
      throw new IllegalArgumentException("turns must not be empty");
    }
    ObjectNode body = OpenAiHttp.JSON.createObjectNode().put("model", model);
    ArrayNode messages = body.putArray("messages");
    for (ChatTurn turn : turns) {
      messages.addObject().put("role", turn.role()).put("content", turn.content());
    }
    body.put("temperature", http.config().temperature());
    body.put("stream", stream);
    return body.toString();
  }

  private ChatCompletion readCompletion(URI endpoint, InputStream body) throws IOException, OpenAiHttp.Failure {
    String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
    JsonNode reply;
    try {
      reply = OpenAiHttp.JSON.readTree(text);
    } catch (IOException e) {
      throw notACompletion(endpoint, text);
    }
    JsonNode choice = reply == null ? null : reply.path("choices").path(0);
    if (choice == null || !choice.path("message").isObject()) {
      throw notACompletion(endpoint, text);
    }
    return new ChatCompletion(choice.path("message").path("content").asText(""),
        choice.path("finish_reason").asText(""), reply.path("model").asText(""));
  }

  private OpenAiHttp.Failure notACompletion(URI endpoint, String text) {
    return new OpenAiHttp.Failure(200, true, null, "endpoint " + endpoint
        + " answered HTTP 200 with a body that is not a chat completion: " + http.scrub(text), null);
  }

  private ChatCompletion readStream(URI endpoint, InputStream body, Consumer<String> onDelta)
      throws OpenAiHttp.Failure {
    StringBuilder content = new StringBuilder();
    String finish = "";
    String answeredBy = "";
    int deltas = 0;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.startsWith("data:")) {
          continue; // blank separators, comments (": keep-alive"), event: names
        }
        String data = line.substring(5).strip();
        if (data.equals("[DONE]")) {
          return new ChatCompletion(content.toString(), finish, answeredBy);
        }
        JsonNode event = parseEvent(endpoint, data, deltas);
        if (event.has("error")) {
          throw new OpenAiHttp.Failure(200, deltas == 0, null, "endpoint " + endpoint
              + " reported an error mid-stream: " + http.serverMessage(data), null);
        }
        answeredBy = event.path("model").asText(answeredBy);
        JsonNode choice = event.path("choices").path(0);
        String delta = choice.path("delta").path("content").asText("");
        if (!delta.isEmpty()) {
          content.append(delta);
          deltas++;
          onDelta.accept(delta);
        }
        finish = choice.path("finish_reason").isTextual() ? choice.path("finish_reason").asText() : finish;
      }
    } catch (IOException e) {
      throw new OpenAiHttp.Failure(200, deltas == 0, null, "stream from endpoint " + endpoint
          + " was cut after " + content.length() + " characters: " + e.getMessage(), e);
    }
    if (!finish.isEmpty()) {
      return new ChatCompletion(content.toString(), finish, answeredBy); // servers that skip [DONE]
    }
    throw new OpenAiHttp.Failure(200, deltas == 0, null, "stream from endpoint " + endpoint
        + " ended after " + content.length() + " characters without [DONE] or a finish reason", null);
  }

  private JsonNode parseEvent(URI endpoint, String data, int deltas) throws OpenAiHttp.Failure {
    try {
      JsonNode event = OpenAiHttp.JSON.readTree(data);
      if (event != null && event.isObject()) {
        return event;
      }
    } catch (IOException e) {
      // reported below
    }
    throw new OpenAiHttp.Failure(200, deltas == 0, null, "endpoint " + endpoint
        + " sent a malformed stream event: " + http.scrub(data), null);
  }
}
