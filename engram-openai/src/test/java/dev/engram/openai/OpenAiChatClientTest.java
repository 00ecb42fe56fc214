package dev.engram.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engram.openai.testing.ChatMessage;
import dev.engram.openai.testing.FakeOpenAiServer;
import dev.engram.openai.testing.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiChatClientTest {
  private static final List<ChatTurn> HELLO = List.of(ChatTurn.system("be brief"), ChatTurn.user("hello"));

  private final FakeOpenAiServer server = FakeOpenAiServer.start();
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiChatClient client(String apiKey, Duration timeout) {
    return new OpenAiChatClient(OpenAiConfig.builder(server.baseUrl()).model("fake-chat")
        .apiKey(apiKey).requestTimeout(timeout).build(), sleeper);
  }

  private OpenAiChatClient client() {
    return client("sk-secret-123", Duration.ofSeconds(10));
  }

  @Test
  void completes_a_chat_and_sends_model_messages_and_key() {
    server.replyWith(call -> "You said: " + call.lastUserMessage());

    ChatCompletion completion = client().complete(HELLO);

    assertThat(completion.content()).isEqualTo("You said: hello");
    assertThat(completion.finishReason()).isEqualTo("stop");
    var call = server.chatCalls().get(0);
    assertThat(call.model()).isEqualTo("fake-chat");
    assertThat(call.stream()).isFalse();
    assertThat(call.authorization()).isEqualTo("Bearer sk-secret-123");
    assertThat(call.messages()).containsExactly(
        new ChatMessage("system", "be brief"), new ChatMessage("user", "hello"));
    assertThat(call.rawBody()).contains("\"temperature\":0.0");
  }

  @Test
  void sends_no_authorization_header_without_a_key() {
    client(null, Duration.ofSeconds(10)).complete(HELLO);

    assertThat(server.chatCalls().get(0).authorization()).isNull();
  }

  @Test
  void streams_deltas_in_order_and_joins_them() {
    server.replyWith(call -> "the dog is called Rex");
    List<String> deltas = new ArrayList<>();

    ChatCompletion completion = client().stream(HELLO, deltas::add);

    assertThat(completion.content()).isEqualTo("the dog is called Rex");
    assertThat(deltas).containsExactly("the ", "dog ", "is ", "called ", "Rex");
    assertThat(server.chatCalls().get(0).stream()).isTrue();
  }

  @Test
  void retries_a_429_after_the_servers_retry_after_then_succeeds() {
    server.enqueue(Fault.status(429));

    ChatCompletion completion = client().complete(HELLO);

    assertThat(completion.content()).isEqualTo(FakeOpenAiServer.DEFAULT_REPLY);
    assertThat(server.chatCalls()).hasSize(2);
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1)); // Retry-After: 1 beats 500 ms
  }

  @Test
  void backs_off_exponentially_and_gives_up_naming_endpoint_and_status() {
    server.enqueue(Fault.status(500)).enqueue(Fault.status(502)).enqueue(Fault.status(503));

    OpenAiException e = catchThrowableOfType(OpenAiException.class, () -> client().complete(HELLO));

    assertThat(e.status()).isEqualTo(503);
    assertThat(e.endpoint()).isEqualTo(server.baseUrl() + "/chat/completions");
    assertThat(e.getMessage()).isEqualTo("endpoint " + server.baseUrl() + "/chat/completions answered "
        + "HTTP 503: scripted fault: HTTP 503 (gave up after 3 attempts)");
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void streaming_call_is_retried_when_the_status_fails_before_any_content() {
    server.enqueue(Fault.status(503));

    assertThat(client().stream(HELLO, delta -> { }).content()).isEqualTo("OK");
    assertThat(server.chatCalls()).hasSize(2);
  }

  @Test
  void wrong_key_fails_at_once_with_401_and_never_shows_the_key() {
    server.requireApiKey("sk-right");

    OpenAiException e = catchThrowableOfType(OpenAiException.class,
        () -> client("sk-wrong-key-999", Duration.ofSeconds(10)).complete(HELLO));

    assertThat(e.status()).isEqualTo(401);
    assertThat(e.getMessage()).contains("HTTP 401", server.baseUrl() + "/chat/completions", "check the API key")
        .doesNotContain("sk-wrong-key-999");
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void times_out_naming_the_timeout_and_the_endpoint() {
    server.enqueue(Fault.delay(Duration.ofSeconds(30)));
    OpenAiChatClient client = new OpenAiChatClient(OpenAiConfig.builder(server.baseUrl()).model("m")
        .requestTimeout(Duration.ofMillis(300)).retry(RetryPolicy.DEFAULT.withMaxRetries(0)).build(), sleeper);

    OpenAiException e = catchThrowableOfType(OpenAiException.class, () -> client.complete(HELLO));

    assertThat(e.getMessage()).isEqualTo("endpoint " + server.baseUrl()
        + "/chat/completions did not answer within 300 ms");
    assertThat(e.status()).isEqualTo(OpenAiException.NO_STATUS);
  }

  @Test
  void a_timeout_is_retried_and_the_next_attempt_answers() {
    server.enqueue(Fault.delay(Duration.ofSeconds(30)));

    ChatCompletion completion = client("k", Duration.ofSeconds(1)).complete(HELLO);

    assertThat(completion.content()).isEqualTo("OK");
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void malformed_json_is_retried_then_reported_when_it_persists() {
    server.enqueue(Fault.malformedJson());
    assertThat(client().complete(HELLO).content()).isEqualTo("OK");

    server.enqueue(Fault.malformedJson()).enqueue(Fault.malformedJson()).enqueue(Fault.malformedJson());
    OpenAiException e = catchThrowableOfType(OpenAiException.class, () -> client().complete(HELLO));
    assertThat(e.getMessage()).contains("answered HTTP 200 with a body that is not a chat completion",
        "gave up after 3 attempts");
  }

  @Test
  void malformed_stream_event_is_reported() {
    server.enqueue(Fault.malformedJson());
    OpenAiChatClient client = new OpenAiChatClient(OpenAiConfig.builder(server.baseUrl()).model("m")
        .retry(RetryPolicy.DEFAULT.withMaxRetries(0)).build(), sleeper);

    OpenAiException e = catchThrowableOfType(OpenAiException.class, () -> client.stream(HELLO, d -> { }));

    assertThat(e.getMessage()).contains("sent a malformed stream event");
  }

  @Test
  void stream_cut_midway_fails_with_a_clear_message() {
    server.replyWith(call -> "one two three");
    server.enqueue(Fault.cutStream());
    List<String> deltas = new ArrayList<>();

    OpenAiChatClient client = new OpenAiChatClient(OpenAiConfig.builder(server.baseUrl()).model("m")
        .retry(RetryPolicy.DEFAULT.withMaxRetries(0)).build(), sleeper);

    OpenAiException e = catchThrowableOfType(OpenAiException.class, () -> client.stream(HELLO, deltas::add));

    assertThat(e.getMessage()).startsWith("stream from endpoint " + server.baseUrl() + "/chat/completions was cut");
    // The JDK client may report the cut before handing over the one delta sent before it.
    assertThat(deltas).isIn(List.of("one "), List.of());
    assertThat(server.chatCalls()).hasSize(1);
  }

  @Test
  void stream_cut_after_content_was_delivered_is_not_retried() {
    server.replyWith(call -> "one two three");
    server.enqueue(Fault.cutStream());
    List<String> deltas = new ArrayList<>();

    OpenAiException e = catchThrowableOfType(OpenAiException.class, () -> client().stream(HELLO, deltas::add));

    if (e == null) { // the cut came before any content was read: retried, and the retry succeeds
      assertThat(String.join("", deltas)).isEqualTo("one two three");
      assertThat(server.chatCalls()).hasSize(2);
    } else { // content already shown: retrying would repeat it, so the cut is reported
      assertThat(e.getMessage()).contains("was cut after 4 characters");
      assertThat(deltas).containsExactly("one ");
      assertThat(server.chatCalls()).hasSize(1);
    }
  }

  @Test
  void plain_reply_cut_short_is_retried() {
    server.enqueue(Fault.cutStream());

    assertThat(client().complete(HELLO).content()).isEqualTo("OK");
    assertThat(server.chatCalls()).hasSize(2);
  }

  @Test
  void unreachable_endpoint_is_reported_after_bounded_retries() {
    String url = server.baseUrl();
    server.close();
    OpenAiChatClient client = new OpenAiChatClient(OpenAiConfig.builder(url).model("m").build(), sleeper);

    OpenAiException e = catchThrowableOfType(OpenAiException.class, () -> client.complete(HELLO));

    assertThat(e.getMessage()).startsWith("endpoint " + url + "/chat/completions is unreachable")
        .endsWith("(gave up after 3 attempts)");
    assertThat(sleeper.waits()).hasSize(2);
  }

  @Test
  void refuses_a_config_without_a_chat_model() {
    OpenAiConfig config = OpenAiConfig.builder(server.baseUrl()).build();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new OpenAiChatClient(config))
        .hasMessageContaining("no chat model configured for " + server.baseUrl());
  }
}
