package dev.engram.openai.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.Message;
import dev.engram.openai.OpenAiChatClient;
import dev.engram.openai.OpenAiConfig;
import dev.engram.openai.RecordingSleeper;
import dev.engram.openai.RetryPolicy;
import dev.engram.openai.testing.FakeOpenAiServer;
import dev.engram.openai.testing.Fault;
import dev.engram.read.Context;
import dev.engram.reader.Answer;
import dev.engram.reader.ExtractiveReader;
import dev.engram.store.InMemoryMemoryStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LlmReaderTest {
  private static final String QUESTION = "What is my dog called?";
  private static final String GOOD = """
      {"quotes": [{"item": 1, "text": "My dog is a beagle called Biscuit."}], "answer": "Biscuit"}""";
  private static final String INVENTED = """
      {"quotes": [{"item": 1, "text": "My dog is a poodle called Max."}], "answer": "Max"}""";

  private final FakeOpenAiServer server = FakeOpenAiServer.start();
  private final HashingEmbedder embedder = new HashingEmbedder(64);
  private Engram engram;

  @BeforeEach
  void remember() {
    engram = Engram.builder().store(new InMemoryMemoryStore(embedder.info())).embedder(embedder).build();
    engram.remember("ann", "s1", List.of(
        Message.user("I moved to Lisbon last spring."),
        Message.assistant("How are you finding Lisbon?")));
    engram.remember("ann", "s2", List.of(
        Message.user("My dog is a beagle called Biscuit. He loves the beach."),
        Message.assistant("Biscuit sounds lovely!")));
  }

  @AfterEach
  void stop() {
    engram.close();
    server.close();
  }

  private LlmReader reader(boolean streaming) {
    OpenAiConfig config = OpenAiConfig.builder(server.baseUrl()).model("fake-chat")
        .retry(RetryPolicy.DEFAULT.withMaxRetries(0)).build();
    return new LlmReader(new OpenAiChatClient(config, new RecordingSleeper()), new ExtractiveReader(), streaming);
  }

  private Context context() {
    return engram.recall("ann", QUESTION);
  }

  private int position(String itemText) {
    List<dev.engram.model.MemoryItem> items = context().memoryItems();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).text().contains(itemText)) {
        return i + 1;
      }
    }
    throw new AssertionError("no packed item contains " + itemText);
  }

  @Test
  void a_verified_quote_gives_an_llm_answer_citing_the_item() {
    int biscuit = position("Biscuit");
    server.replyWith(call -> GOOD.replace("\"item\": 1", "\"item\": " + biscuit));

    LlmReading reading = reader(false).read(QUESTION, context());

    assertThat(reading.path()).isEqualTo(LlmReading.Path.LLM);
    Answer answer = reading.answer();
    assertThat(answer.text()).isEqualTo("Biscuit");
    assertThat(answer.producedBy()).isEqualTo("llm");
    assertThat(answer.abstained()).isFalse();
    assertThat(answer.citations()).singleElement().satisfies(c -> {
      assertThat(c.quote()).isEqualTo("My dog is a beagle called Biscuit.");
      assertThat(c.session()).isEqualTo("s2");
    });
    assertThat(server.chatCalls()).hasSize(1);
  }

  @Test
  void the_prompt_carries_the_packed_context_and_the_question() {
    Context context = context();
    server.replyWith(call -> GOOD);

    reader(false).read(QUESTION, context);

    String sent = server.chatCalls().get(0).lastUserMessage();
    assertThat(sent).contains(context.text().strip()).endsWith("Question: " + QUESTION);
    assertThat(server.chatCalls().get(0).messages().get(0).content()).contains("NOT_IN_MEMORY", "word for word");
  }

  @Test
  void a_quote_from_another_packed_item_is_credited_to_that_item() {
    server.replyWith(call -> GOOD.replace("\"item\": 1", "\"item\": 99"));

    Answer answer = reader(false).answer(QUESTION, context());

    assertThat(answer.producedBy()).isEqualTo("llm");
    assertThat(answer.citations().get(0).session()).isEqualTo("s2");
  }

  @Test
  void an_invented_quote_is_retried_once_with_the_problem_named() {
    server.replyWith(call -> call.messages().size() == 2 ? INVENTED : GOOD);

    LlmReading reading = reader(false).read(QUESTION, context());

    assertThat(reading.path()).isEqualTo(LlmReading.Path.LLM_RETRY);
    assertThat(reading.answer().producedBy()).isEqualTo("llm-retry");
    assertThat(reading.answer().text()).isEqualTo("Biscuit");
    assertThat(reading.note()).contains("My dog is a poodle called Max.");
    var retry = server.chatCalls().get(1);
    assertThat(retry.messages()).hasSize(4);
    assertThat(retry.messages().get(2).content()).isEqualTo(INVENTED);
    assertThat(retry.lastUserMessage()).contains("quotes not found in the memory items", "poodle called Max");
  }

  @Test
  void invented_quotes_twice_fall_back_to_the_extractive_answer() {
    server.replyWith(call -> INVENTED);
    Context context = context();

    LlmReading reading = reader(false).read(QUESTION, context);

    Answer extractive = new ExtractiveReader().answer(QUESTION, context);
    assertThat(reading.path()).isEqualTo(LlmReading.Path.EXTRACTIVE_FALLBACK);
    assertThat(reading.answer().producedBy()).isEqualTo("extractive-fallback");
    assertThat(reading.answer().text()).isEqualTo(extractive.text()).contains("Biscuit");
    assertThat(reading.answer().citations()).isEqualTo(extractive.citations());
    assertThat(reading.note()).startsWith("both replies rejected: quotes not found");
    assertThat(server.chatCalls()).hasSize(2);
  }

  @Test
  void garbage_replies_fall_back() {
    server.replyWith(call -> "Sure! Your dog is Biscuit.");

    LlmReading reading = reader(false).read(QUESTION, context());

    assertThat(reading.path()).isEqualTo(LlmReading.Path.EXTRACTIVE_FALLBACK);
    assertThat(reading.note()).contains("the reply is not a JSON object");
  }

  @Test
  void an_answer_without_quotes_is_rejected() {
    server.replyWith(call -> call.messages().size() == 2 ? "{\"quotes\": [], \"answer\": \"Biscuit\"}" : GOOD);

    LlmReading reading = reader(false).read(QUESTION, context());

    assertThat(reading.path()).isEqualTo(LlmReading.Path.LLM_RETRY);
    assertThat(reading.note()).contains("the answer quotes no evidence");
  }

  @Test
  void abstention_is_a_first_class_answer() {
    server.replyWith(call -> "```json\n{\"quotes\": [], \"answer\": \"NOT_IN_MEMORY\"}\n```");

    LlmReading reading = reader(false).read("What is my cat called?", engram.recall("ann", "What is my cat called?"));

    assertThat(reading.path()).isEqualTo(LlmReading.Path.LLM);
    assertThat(reading.answer().abstained()).isTrue();
    assertThat(reading.answer().text()).isEqualTo(Answer.NOT_IN_MEMORY);
    assertThat(reading.answer().citations()).isEmpty();
  }

  @Test
  void an_empty_context_abstains_without_asking_the_model() {
    Context empty = engram.recall("nobody", QUESTION);

    LlmReading reading = reader(false).read(QUESTION, empty);

    assertThat(reading.answer().abstained()).isTrue();
    assertThat(server.chatCalls()).isEmpty();
  }

  @Test
  void a_wrong_key_falls_back_naming_endpoint_and_status_and_memory_is_unchanged() {
    server.requireApiKey("sk-right");
    long before = engram.stats("ann").items();

    LlmReading reading = reader(false).read(QUESTION, context());

    assertThat(reading.path()).isEqualTo(LlmReading.Path.EXTRACTIVE_FALLBACK);
    assertThat(reading.note()).contains("HTTP 401", server.baseUrl() + "/chat/completions");
    assertThat(reading.answer().text()).contains("Biscuit");
    assertThat(engram.stats("ann").items()).isEqualTo(before);
  }

  @Test
  void an_unreachable_endpoint_falls_back() {
    LlmReader reader = reader(false);
    server.close();

    LlmReading reading = reader.read(QUESTION, context());

    assertThat(reading.path()).isEqualTo(LlmReading.Path.EXTRACTIVE_FALLBACK);
    assertThat(reading.note()).contains("is unreachable");
  }

  @Test
  void a_streamed_reply_is_checked_like_a_plain_one() {
    server.replyWith(call -> GOOD);

    LlmReading reading = reader(true).read(QUESTION, context());

    assertThat(reading.path()).isEqualTo(LlmReading.Path.LLM);
    assertThat(server.chatCalls().get(0).stream()).isTrue();
  }

  @Test
  void a_cut_stream_falls_back() {
    server.replyWith(call -> GOOD);
    server.enqueue(Fault.cutStream());

    LlmReading reading = reader(true).read(QUESTION, context());

    assertThat(reading.path()).isEqualTo(LlmReading.Path.EXTRACTIVE_FALLBACK);
    assertThat(reading.note()).contains("was cut");
  }

  @Test
  void works_as_the_engram_reader() {
    server.replyWith(call -> GOOD);
    try (Engram withLlm = Engram.builder().store(engram.store()).embedder(embedder).reader(reader(false)).build()) {
      assertThat(withLlm.ask("ann", QUESTION).text()).isEqualTo("Biscuit");
    }
  }
}
