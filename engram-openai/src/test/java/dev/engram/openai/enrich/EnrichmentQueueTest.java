package dev.engram.openai.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.fact.FactExtractor;
import dev.engram.model.MemoryItem;
import dev.engram.openai.OpenAiChatClient;
import dev.engram.openai.OpenAiConfig;
import dev.engram.openai.RecordingSleeper;
import dev.engram.openai.RetryPolicy;
import dev.engram.openai.testing.FakeOpenAiServer;
import dev.engram.openai.testing.Fault;
import dev.engram.summary.Summarizer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnrichmentQueueTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final MemoryItem LISBON = Items.episode("e1", "s1", 0, "user: I moved to Lisbon last spring.");
  private static final MemoryItem BISCUIT = Items.episode("e2", "s1", 1, "user: My dog Biscuit loves the beach.");
  private static final MemoryItem JOB = Items.episode("e3", "s2", 2, "user: I start at the bakery on Monday.");

  private final FakeOpenAiServer server = FakeOpenAiServer.start();
  private final RecordingSink sink = new RecordingSink();
  // A bounded reply timeout: how fast a closed fake server ends a hanging exchange depends on the
  // JDK's HttpServer (once in many CI runs it did not within WAIT), and the tests are about the
  // queue, not about that.
  private final OpenAiChatClient client = new OpenAiChatClient(OpenAiConfig.builder(server.baseUrl())
      .model("fake-chat").requestTimeout(Duration.ofSeconds(5))
      .retry(RetryPolicy.DEFAULT.withMaxRetries(0)).build(), new RecordingSleeper());
  private EnrichmentQueue queue;

  @AfterEach
  void stop() {
    if (queue != null) {
      queue.close(Duration.ZERO);
    }
    server.close();
  }

  private EnrichmentQueue llmQueue(int capacity) {
    FactExtractor facts = new LlmFactExtractor(client, episode -> List.of(), sink);
    Summarizer summaries = new LlmSummarizer(client, (items, tokens) -> "", sink);
    queue = new EnrichmentQueue(facts, summaries, sink, capacity, 80);
    return queue;
  }

  @Test
  void after_remember_extracts_facts_per_episode_and_summarises_each_session() throws InterruptedException {
    server.replyWith(call -> call.systemAndUserText().startsWith(LlmFactExtractor.SYSTEM)
        ? factFor(call.lastUserMessage())
        : "Summary of " + call.lastUserMessage().lines().count() + " lines.");

    int accepted = llmQueue(16).afterRemember(List.of(BISCUIT, JOB), List.of(LISBON, BISCUIT, JOB));

    assertThat(accepted).isEqualTo(4); // facts of e2 and e3, summaries of s1 and s2
    assertThat(queue.awaitIdle(WAIT)).isTrue();
    assertThat(sink.facts).containsExactly("e2: said = My dog Biscuit loves the beach.",
        "e3: said = I start at the bakery on Monday.");
    assertThat(sink.summaries).hasSize(2).allSatisfy(s -> assertThat(s).contains("Summary of"));
    assertThat(sink.summaries.get(0)).startsWith("s1: ");
    assertThat(queue.stats()).isEqualTo(new EnrichmentStats(4, 4, 0, 0, 0));
  }

  private static String factFor(String episode) {
    String sentence = episode.substring(episode.indexOf(": ") + 2);
    return "{\"facts\": [{\"attribute\": \"said\", \"value\": \"" + sentence + "\", \"evidence\": \"" + sentence + "\"}]}";
  }

  @Test
  void submitting_never_blocks_and_a_full_queue_drops_and_reports() throws InterruptedException {
    server.enqueue(Fault.delay(Duration.ofMinutes(5))); // the first job hangs on the endpoint
    EnrichmentQueue small = llmQueue(1);

    boolean first = small.submitFacts(LISBON);   // taken by the worker, waiting on the endpoint
    boolean second = small.submitFacts(BISCUIT); // fills the queue
    boolean third = small.submitFacts(JOB);      // no room: dropped, not waited for

    assertThat(first).isTrue();
    assertThat(second).isTrue();
    assertThat(third).isFalse();
    assertThat(small.stats().pending()).isEqualTo(2);
    assertThat(small.stats().dropped()).isEqualTo(1);
    assertThat(sink.problems).containsExactly("facts of item e3: dropped: the enrichment queue is full (0 free)");

    server.close(); // the hanging call fails; both jobs end through the fallback
    assertThat(small.awaitIdle(WAIT)).isTrue();
    assertThat(small.stats().completed()).isEqualTo(2);
    assertThat(sink.problems).anyMatch(p -> p.startsWith("facts of item e1: LLM extraction failed"));
  }

  @Test
  void a_job_that_throws_is_reported_and_the_next_one_still_runs() throws InterruptedException {
    FactExtractor broken = episode -> {
      if (episode.id().equals("e1")) {
        throw new IllegalStateException("boom");
      }
      return List.of();
    };
    queue = new EnrichmentQueue(broken, (items, tokens) -> "s", sink, 8, 80);

    queue.submitFacts(LISBON);
    queue.submitFacts(BISCUIT);

    assertThat(queue.awaitIdle(WAIT)).isTrue();
    assertThat(queue.stats()).isEqualTo(new EnrichmentStats(2, 1, 1, 0, 0));
    assertThat(sink.problems).containsExactly("facts of item e1: failed: boom");
  }

  @Test
  void a_closed_queue_drops_new_jobs() {
    queue = new EnrichmentQueue(episode -> List.of(), (items, tokens) -> "", sink, 8, 80);
    queue.close();

    assertThat(queue.submitSummary(new SummaryJob(LISBON.owner(), "s1", List.of(LISBON), 50))).isFalse();
    assertThat(sink.problems).containsExactly(
        "summary of session s1 of subject ann: dropped: the enrichment queue is closed");
  }
}
