package dev.engram.server;

import static dev.engram.server.TestServer.messages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.openai.testing.ChatCall;
import dev.engram.openai.testing.FakeOpenAiServer;
import dev.engram.openai.testing.Fault;
import dev.engram.server.TestServer.Reply;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory proxy against a real local server speaking the OpenAI protocol. */
class ChatProxyTest {
  @TempDir Path dir;
  FakeOpenAiServer upstream;
  TestServer server;
  String key;

  @BeforeEach
  void start() {
    upstream = FakeOpenAiServer.start().requireApiKey("sk-upstream")
        .replyWith(call -> "Echo: " + call.lastUserMessage());
    server = new TestServer(dir, b -> b.rateLimit(0, 1)
        .upstreamUrl(URI.create(upstream.baseUrl())).upstreamApiKey("sk-upstream")
        .upstreamModel("fake-chat"));
    key = server.key("acme");
    server.post(key, "/v1/subjects/alice/messages", messages("s0",
        "My physio is called Dr. Okafor and works in Lisbon.", "Good to know."));
  }

  @AfterEach
  void stop() {
    server.close();
    upstream.close();
  }

  @Test
  void should_inject_memory_forward_with_the_upstream_key_and_remember_the_exchange() {
    Reply reply = server.send(chat(key, "{\"model\":\"gpt-x\",\"messages\":[{\"role\":\"user\","
        + "\"content\":\"Who is my physio?\"}]}").header("X-Engram-Subject", "alice").build());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().at("/choices/0/message/content").asText())
        .isEqualTo("Echo: Who is my physio?");
    ChatCall call = upstream.chatCalls().get(0);
    assertThat(call.authorization()).isEqualTo("Bearer sk-upstream");
    assertThat(call.rawBody()).doesNotContain(key.substring(17));
    assertThat(call.model()).isEqualTo("fake-chat");
    assertThat(call.messages().get(0).role()).isEqualTo("system");
    assertThat(call.messages().get(0).content()).contains("Dr. Okafor");
    assertThat(call.messages().get(1).content()).isEqualTo("Who is my physio?");

    assertThat(server.episodes(key, "alice")).hasSize(2).last()
        .isEqualTo("user: Who is my physio?\nassistant: Echo: Who is my physio?");
    JsonNode sessions = server.get(key, "/v1/subjects/alice/sessions").json().get("sessions");
    assertThat(sessions.get(1).get("id").asText()).isEqualTo("chat-2026-01-05");
  }

  @Test
  void should_stream_chunk_by_chunk_and_remember_after_done() throws Exception {
    HttpRequest request = chat(key, "{\"model\":\"m\",\"stream\":true,\"user\":\"alice\","
        + "\"messages\":[{\"role\":\"user\",\"content\":\"Where does my physio work?\"}]}")
        .header("X-Engram-Session", "s-stream").build();
    HttpResponse<InputStream> response = server.http.send(request,
        HttpResponse.BodyHandlers.ofInputStream());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElse(""))
        .startsWith("text/event-stream");
    List<String> data = new ArrayList<>();
    StringBuilder answer = new StringBuilder();
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith("data: ")) {
          data.add(line.substring(6));
          if (!line.equals("data: [DONE]")) {
            answer.append(TestServer.JSON.readTree(line.substring(6))
                .at("/choices/0/delta/content").asText(""));
          }
        }
      }
    }
    assertThat(data.size()).isGreaterThan(2);
    assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
    assertThat(answer.toString()).isEqualTo("Echo: Where does my physio work?");
    assertThat(upstream.chatCalls().get(0).stream()).isTrue();
    assertThat(upstream.chatCalls().get(0).systemAndUserText()).contains("Lisbon");

    JsonNode sessions = server.get(key, "/v1/subjects/alice/sessions").json().get("sessions");
    assertThat(sessions).extracting(s -> s.get("id").asText()).containsExactly("s0", "s-stream");
    assertThat(server.episodes(key, "alice")).last().asString()
        .endsWith("assistant: Echo: Where does my physio work?");
  }

  @Test
  void should_not_remember_when_the_upstream_fails() throws Exception {
    upstream.enqueue(Fault.status(500));
    Reply failed = server.send(chat(key, body(false, "Remember that I hate olives."))
        .header("X-Engram-Subject", "alice").build());
    assertThat(failed.status()).isEqualTo(500);

    upstream.enqueue(Fault.cutStream());
    HttpResponse<String> cut = server.http.send(chat(key, body(true, "I also hate capers."))
        .header("X-Engram-Subject", "alice").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(cut.body()).doesNotContain("[DONE]");

    assertThat(server.episodes(key, "alice")).hasSize(1);
    assertThat(server.log()).contains("event=proxy_not_remembered");
  }

  @Test
  void should_answer_502_when_the_upstream_is_down() {
    upstream.close();
    Reply reply = server.send(chat(key, body(false, "hello there"))
        .header("X-Engram-Subject", "alice").build());
    assertThat(reply.status()).isEqualTo(502);
    assertThat(reply.errorCode()).isEqualTo("upstream_unavailable");
    assertThat(server.episodes(key, "alice")).hasSize(1);
  }

  @Test
  void should_use_only_the_callers_tenant_memory() {
    String other = server.key("other-tenant");
    Reply reply = server.send(chat(other, body(false, "Who is my physio?"))
        .header("X-Engram-Subject", "alice").build());
    assertThat(reply.status()).isEqualTo(200);
    ChatCall call = upstream.chatCalls().get(0);
    assertThat(call.messages()).hasSize(1);
    assertThat(call.rawBody()).doesNotContain("Okafor");
    // the exchange went to the other tenant's alice, not to acme's
    assertThat(server.episodes(key, "alice")).hasSize(1);
    assertThat(server.episodes(other, "alice"))
        .containsExactly("user: Who is my physio?\nassistant: Echo: Who is my physio?");
  }

  @Test
  void should_require_a_subject_and_a_key() {
    Reply noSubject = server.send(chat(key, body(false, "hi")).build());
    assertThat(noSubject.status()).isEqualTo(400);
    assertThat(noSubject.errorCode()).isEqualTo("missing_subject");
    Reply noKey = server.send(chat(null, body(false, "hi")).header("X-Engram-Subject", "alice")
        .build());
    assertThat(noKey.status()).isEqualTo(401);
    Reply noMessages = server.send(chat(key, "{\"model\":\"m\",\"messages\":[]}")
        .header("X-Engram-Subject", "alice").build());
    assertThat(noMessages.status()).isEqualTo(400);
    assertThat(upstream.chatCalls()).isEmpty();
  }

  private static String body(boolean stream, String text) {
    return "{\"model\":\"m\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\","
        + "\"content\":\"" + text + "\"}]}";
  }

  private HttpRequest.Builder chat(String apiKey, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create(server.base() + "/v1/chat/completions"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return request;
  }
}
