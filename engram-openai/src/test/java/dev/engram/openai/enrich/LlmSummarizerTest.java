package dev.engram.openai.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.model.MemoryItem;
import dev.engram.openai.OpenAiChatClient;
import dev.engram.openai.OpenAiConfig;
import dev.engram.openai.RecordingSleeper;
import dev.engram.openai.RetryPolicy;
import dev.engram.openai.testing.FakeOpenAiServer;
import dev.engram.openai.testing.Fault;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LlmSummarizerTest {
  private static final List<MemoryItem> SESSION = List.of(
      Items.episode("e1", "s1", 0, "user: I moved to Lisbon last spring."),
      Items.episode("e2", "s1", 1, "user: My dog Biscuit loves the beach."));

  private final FakeOpenAiServer server = FakeOpenAiServer.start();
  private final RecordingSink sink = new RecordingSink();

  @AfterEach
  void stop() {
    server.close();
  }

  private LlmSummarizer summarizer() {
    OpenAiConfig config = OpenAiConfig.builder(server.baseUrl()).model("fake-chat")
        .retry(RetryPolicy.DEFAULT.withMaxRetries(0)).build();
    return new LlmSummarizer(new OpenAiChatClient(config, new RecordingSleeper()),
        (items, maxTokens) -> "offline summary", sink);
  }

  @Test
  void returns_the_models_summary_of_all_items() {
    server.replyWith(call -> " Ann moved to Lisbon. Her dog Biscuit loves the beach. ");

    String summary = summarizer().summarize(SESSION, 100);

    assertThat(summary).isEqualTo("Ann moved to Lisbon. Her dog Biscuit loves the beach.");
    assertThat(server.chatCalls().get(0).lastUserMessage())
        .startsWith("Summarise in at most 75 words:")
        .contains("I moved to Lisbon last spring.", "My dog Biscuit loves the beach.");
  }

  @Test
  void cuts_a_long_summary_to_the_budget_at_a_sentence_end() {
    server.replyWith(call -> "Ann moved to Lisbon. Her dog Biscuit loves the beach very much indeed.");

    assertThat(summarizer().summarize(SESSION, 6)).isEqualTo("Ann moved to Lisbon."); // 24 characters
  }

  @Test
  void a_failed_endpoint_or_empty_reply_uses_the_fallback() {
    server.replyWith(call -> "  ");
    assertThat(summarizer().summarize(SESSION, 50)).isEqualTo("offline summary");

    server.enqueue(Fault.status(500));
    assertThat(summarizer().summarize(SESSION, 50)).isEqualTo("offline summary");

    assertThat(sink.problems.get(0)).endsWith("LLM returned an empty summary, used the fallback");
    assertThat(sink.problems.get(1)).contains("HTTP 500");
  }

  @Test
  void follows_the_summarizer_contract_on_bad_budgets_and_empty_input() {
    assertThatThrownBy(() -> summarizer().summarize(SESSION, 0)).hasMessage("maxTokens must be positive, was 0");
    assertThat(summarizer().summarize(List.of(), 10)).isEmpty();
    assertThat(server.chatCalls()).isEmpty();
  }
}
