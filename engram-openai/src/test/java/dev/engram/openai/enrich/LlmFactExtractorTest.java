package dev.engram.openai.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.fact.Fact;
import dev.engram.model.MemoryItem;
import dev.engram.openai.OpenAiChatClient;
import dev.engram.openai.OpenAiConfig;
import dev.engram.openai.RecordingSleeper;
import dev.engram.openai.RetryPolicy;
import dev.engram.openai.testing.FakeOpenAiServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LlmFactExtractorTest {
  private static final MemoryItem EPISODE = Items.episode("e1", "s1", 2,
      "user: I moved to Lisbon last spring. My dog Biscuit loves the beach.\nassistant: Lovely!");
  private static final Fact FALLBACK_FACT =
      new Fact("fallback", "used", Items.MAY_1, "e1", "I moved to Lisbon last spring.");

  private final FakeOpenAiServer server = FakeOpenAiServer.start();
  private final RecordingSink sink = new RecordingSink();

  @AfterEach
  void stop() {
    server.close();
  }

  private LlmFactExtractor extractor() {
    OpenAiConfig config = OpenAiConfig.builder(server.baseUrl()).model("fake-chat")
        .retry(RetryPolicy.DEFAULT.withMaxRetries(0)).build();
    return new LlmFactExtractor(new OpenAiChatClient(config, new RecordingSleeper()),
        episode -> List.of(FALLBACK_FACT), sink);
  }

  @Test
  void keeps_facts_whose_evidence_is_in_the_episode() {
    server.replyWith(call -> """
        {"facts": [
          {"attribute": "Home City", "value": "Lisbon", "evidence": "I moved to Lisbon last spring."},
          {"attribute": "dog name", "value": "Biscuit", "evidence": "My dog Biscuit loves the beach"}]}""");

    List<Fact> facts = extractor().extract(EPISODE);

    assertThat(facts).containsExactly(
        new Fact("home city", "Lisbon", EPISODE.eventTime(), "e1", "I moved to Lisbon last spring."),
        new Fact("dog name", "Biscuit", EPISODE.eventTime(), "e1", "My dog Biscuit loves the beach"));
    assertThat(server.chatCalls().get(0).lastUserMessage()).isEqualTo(EPISODE.text());
    assertThat(sink.problems).isEmpty();
  }

  @Test
  void drops_a_fact_with_invented_evidence_and_reports_it() {
    server.replyWith(call -> """
        {"facts": [{"attribute": "cat name", "value": "Tom", "evidence": "My cat Tom sleeps all day."},
                   {"attribute": "home city", "value": "Lisbon", "evidence": "I moved to Lisbon"}]}""");

    List<Fact> facts = extractor().extract(EPISODE);

    assertThat(facts).extracting(Fact::attribute).containsExactly("home city");
    assertThat(sink.problems).containsExactly("facts of item e1: dropped fact 'cat name': its evidence is not in the episode");
  }

  @Test
  void garbage_or_a_failed_endpoint_uses_the_fallback_and_reports_why() {
    server.replyWith(call -> "I found some facts!");
    assertThat(extractor().extract(EPISODE)).containsExactly(FALLBACK_FACT);

    LlmFactExtractor extractor = extractor();
    server.close();
    assertThat(extractor.extract(EPISODE)).containsExactly(FALLBACK_FACT);

    assertThat(sink.problems).hasSize(2);
    assertThat(sink.problems.get(0)).endsWith("LLM reply is not the requested JSON, used the fallback");
    assertThat(sink.problems.get(1)).contains("LLM extraction failed", "/chat/completions is unreachable");
  }
}
