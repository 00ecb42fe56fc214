package dev.engram.openai.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.SubjectRef;
import dev.engram.openai.OpenAiChatClient;
import dev.engram.openai.OpenAiConfig;
import dev.engram.openai.RecordingSleeper;
import dev.engram.openai.RetryPolicy;
import dev.engram.openai.testing.FakeOpenAiServer;
import dev.engram.store.AuditAction;
import dev.engram.store.AuditEvent;
import dev.engram.store.InMemoryMemoryStore;
import dev.engram.write.RememberResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Remember, then LLM enrichment in the background writes facts and a summary, audited. */
class EnrichmentIntoMemoryTest {
  private final FakeOpenAiServer server = FakeOpenAiServer.start();
  private final HashingEmbedder embedder = new HashingEmbedder(64);
  private final Engram engram =
      Engram.builder().store(new InMemoryMemoryStore(embedder.info())).embedder(embedder).build();

  @AfterEach
  void stop() {
    engram.close();
    server.close();
  }

  @Test
  void facts_and_an_abstractive_summary_arrive_after_remember_and_are_audited() throws InterruptedException {
    server.replyWith(call -> call.systemAndUserText().startsWith(LlmFactExtractor.SYSTEM)
        ? "{\"facts\": [{\"attribute\": \"relocation season\", \"value\": \"spring\", "
            + "\"evidence\": \"I moved to Lisbon last spring.\"}]}"
        : "Ann lives in Lisbon since last spring.");
    OpenAiChatClient client = new OpenAiChatClient(OpenAiConfig.builder(server.baseUrl()).model("fake-chat")
        .retry(RetryPolicy.DEFAULT.withMaxRetries(0)).build(), new RecordingSleeper());
    List<String> problems = new CopyOnWriteArrayList<>();
    EnrichmentSink sink = new MemoryEditorSink(engram.editor("llm-enrichment"), problems::add);

    RememberResult result = engram.remember("ann", "s1", List.of(Message.user("I moved to Lisbon last spring.")));
    SubjectRef owner = new SubjectRef(engram.tenant(), "ann");
    List<MemoryItem> added = result.addedIds().stream()
        .map(id -> engram.store().get(owner, id).orElseThrow())
        .filter(item -> item.kind() == ItemKind.EPISODE).toList();
    try (EnrichmentQueue queue = new EnrichmentQueue(new LlmFactExtractor(client, e -> List.of(), sink),
        new LlmSummarizer(client, (items, tokens) -> "", sink), sink, 16, 60)) {
      queue.afterRemember(added, added);
      assertThat(queue.awaitIdle(Duration.ofSeconds(20))).isTrue();
    }

    assertThat(problems).isEmpty();
    assertThat(engram.facts("ann")).anySatisfy(fact -> assertThat(fact.text()).contains("relocation season", "spring"));
    assertThat(engram.summaries("ann"))
        .anySatisfy(summary -> assertThat(summary.text()).isEqualTo("Ann lives in Lisbon since last spring."));
    List<AuditEvent> byLlm = engram.history("ann").stream().filter(e -> e.actor().equals("llm-enrichment")).toList();
    assertThat(byLlm).extracting(AuditEvent::action).contains(AuditAction.FACT, AuditAction.SUMMARY);
  }
}
