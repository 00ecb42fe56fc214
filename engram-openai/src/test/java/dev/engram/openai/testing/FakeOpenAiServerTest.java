package dev.engram.openai.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeOpenAiServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final FakeOpenAiServer server = FakeOpenAiServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answers_a_chat_call_with_the_scripted_content_and_records_it() throws Exception {
    server.replyWith(call -> "You said: " + call.lastUserMessage());

    HttpResponse<String> response = post("/chat/completions", """
        {"model": "m1", "messages": [
          {"role": "system", "content": "be brief"},
          {"role": "user", "content": "hello there"}],
         "tools": [{"type": "function", "function": {"name": "f", "parameters": {}}}],
         "temperature": 0}""", "Bearer sk-test");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("You said: hello there");
    assertThat(body.at("/choices/0/message/role").asText()).isEqualTo("assistant");
    assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    ChatCall call = server.chatCalls().get(0);
    assertThat(call.model()).isEqualTo("m1");
    assertThat(call.stream()).isFalse();
    assertThat(call.authorization()).isEqualTo("Bearer sk-test");
    assertThat(call.messages()).containsExactly(
        new ChatMessage("system", "be brief"), new ChatMessage("user", "hello there"));
    assertThat(call.systemAndUserText()).isEqualTo("be brief\nhello there");
  }

  @Test
  void default_reply_is_OK_and_any_path_prefix_is_served() throws Exception {
    URI withoutV1 = URI.create(server.baseUrl().replace("/v1", "") + "/chat/completions");
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(withoutV1).POST(HttpRequest.BodyPublishers.ofString(
            "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(JSON.readTree(response.body()).at("/choices/0/message/content").asText()).isEqualTo("OK");
    assertThat(server.chatCalls().get(0).lastUserMessage()).isEqualTo("hi");
    assertThat(server.chatCalls().get(0).authorization()).isNull();
  }

  @Test
  void streams_word_deltas_as_server_sent_events_then_done() throws Exception {
    server.replyWith(call -> "the answer is 42");

    List<String> lines = postLines("{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}");

    List<String> data = lines.stream().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
    assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
    StringBuilder content = new StringBuilder();
    for (String event : data.subList(0, data.size() - 1)) {
      content.append(JSON.readTree(event).at("/choices/0/delta/content").asText(""));
    }
    assertThat(content).hasToString("the answer is 42");
    assertThat(data).hasSize(1 + 4 + 1 + 1); // role, four words, stop, [DONE]
    assertThat(server.chatCalls().get(0).stream()).isTrue();
  }

  @Test
  void enqueued_status_fault_fails_only_the_next_call() throws Exception {
    server.enqueue(Fault.status(429)).enqueue(Fault.status(500));
    String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}";

    HttpResponse<String> first = post("/chat/completions", body, null);
    HttpResponse<String> second = post("/chat/completions", body, null);
    HttpResponse<String> third = post("/chat/completions", body, null);

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).contains("1");
    assertThat(JSON.readTree(first.body()).at("/error/type").asText()).isEqualTo("rate_limit_exceeded");
    assertThat(second.statusCode()).isEqualTo(500);
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(server.chatCalls()).hasSize(3);
  }

  @Test
  void malformed_json_fault_serves_a_body_that_does_not_parse() throws Exception {
    server.enqueue(Fault.malformedJson());

    HttpResponse<String> response = post("/chat/completions", "{\"messages\":[]}", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThatThrownBy(() -> JSON.readTree(response.body())).isInstanceOf(IOException.class);
  }

  @Test
  void cut_stream_drops_the_connection_before_done() {
    server.replyWith(call -> "one two three");
    server.enqueue(Fault.cutStream());

    assertThatThrownBy(() -> postLines("{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void cut_plain_reply_stops_short_of_its_length() {
    server.enqueue(Fault.cutStream());

    assertThatThrownBy(() -> post("/chat/completions", "{\"messages\":[]}", null)).isInstanceOf(IOException.class);
  }

  @Test
  void delay_fault_outlasts_a_short_client_timeout() {
    server.enqueue(Fault.delay(Duration.ofSeconds(30)));
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
        .timeout(Duration.ofMillis(200))
        .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[]}")).build();

    assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void embeds_a_string_or_an_array_with_deterministic_unit_vectors() throws Exception {
    server.embeddingDimension(16);

    JsonNode single = JSON.readTree(post("/embeddings", "{\"model\":\"e\",\"input\":\"red apples\"}", null).body());
    JsonNode batch = JSON.readTree(post("/embeddings", "{\"model\":\"e\",\"input\":[\"red apples\",\"blue sky\"]}", null).body());

    assertThat(batch.path("data")).hasSize(2);
    assertThat(batch.at("/data/1/index").asInt()).isEqualTo(1);
    float[] expected = FakeEmbeddings.vector("red apples", 16);
    JsonNode vector = single.at("/data/0/embedding");
    assertThat(vector).hasSize(16);
    double norm = 0;
    for (int i = 0; i < 16; i++) {
      assertThat((float) vector.get(i).asDouble()).isEqualTo(expected[i]);
      assertThat(batch.at("/data/0/embedding").get(i).asDouble()).isEqualTo(vector.get(i).asDouble());
      norm += vector.get(i).asDouble() * vector.get(i).asDouble();
    }
    assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(server.embeddingInputs()).containsExactly(List.of("red apples"), List.of("red apples", "blue sky"));
  }

  @Test
  void rejects_embedding_input_that_is_not_text() throws Exception {
    HttpResponse<String> response = post("/embeddings", "{\"input\":[1,2,3]}", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).at("/error/message").asText()).contains("'input'");
  }

  @Test
  void lists_models() throws Exception {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models")).GET().build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(JSON.readTree(response.body()).findValuesAsText("id")).containsExactly("fake-chat", "fake-embed");
  }

  @Test
  void required_api_key_turns_away_a_wrong_key_with_401() throws Exception {
    server.requireApiKey("sk-right");
    String body = "{\"messages\":[]}";

    HttpResponse<String> wrong = post("/chat/completions", body, "Bearer sk-wrong");
    HttpResponse<String> right = post("/chat/completions", body, "Bearer sk-right");

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(wrong.body()).at("/error/code").asText()).isEqualTo("invalid_api_key");
    assertThat(right.statusCode()).isEqualTo(200);
  }

  @Test
  void stream_pieces_rejoin_to_the_exact_content() {
    String content = "  leading, two  spaces\nand a newline ";
    assertThat(String.join("", FakeChatStream.pieces(content))).isEqualTo(content);
    assertThat(FakeChatStream.pieces("")).isEmpty();
  }

  private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private List<String> postLines(String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<java.util.stream.Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
    try (var lines = response.body()) {
      return lines.collect(Collectors.toList());
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
