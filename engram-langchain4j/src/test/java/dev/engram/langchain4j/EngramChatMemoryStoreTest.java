package dev.engram.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.Engram;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.CustomMessage;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat memory store on a real Lucene store on disk, with the fast hashing embedder. */
class EngramChatMemoryStoreTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-06-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private Engram engram;
  private EngramChatMemoryStore store;

  @BeforeEach
  void open() {
    engram = openEngram();
    store = newStore();
  }

  @AfterEach
  void close() {
    engram.close();
  }

  private Engram openEngram() {
    return Engram.builder().dataDir(dir.resolve("data")).embedder(new HashingEmbedder(64))
        .clock(CLOCK).build();
  }

  private EngramChatMemoryStore newStore() {
    return EngramChatMemoryStore.builder().engram(engram).windowDir(dir.resolve("windows"))
        .clock(CLOCK).build();
  }

  /** The remembered rounds (Engram may derive summaries and facts beside them). */
  private List<MemoryItem> episodes(String subject) {
    return engram.store().timeline(SubjectRef.of(subject), 0, 100).stream()
        .filter(item -> item.kind() == ItemKind.EPISODE).toList();
  }

  private static ToolExecutionRequest weatherCall() {
    return ToolExecutionRequest.builder().id("call_1").name("get_weather")
        .arguments("{\"city\":\"Oslo\"}").build();
  }

  private static List<ChatMessage> toolConversation() {
    return List.of(
        SystemMessage.from("You are a travel assistant."),
        UserMessage.from("What is the weather in Oslo?"),
        AiMessage.from(weatherCall()),
        ToolExecutionResultMessage.from(weatherCall(), "Sleet, 2 degrees"),
        AiMessage.from("It is sleeting in Oslo, 2 degrees."));
  }

  @Test
  void window_round_trips_system_tool_calls_and_tool_results_exactly() {
    ChatMemory memory = MessageWindowChatMemory.builder().id("alice").maxMessages(10)
        .chatMemoryStore(store).build();
    toolConversation().forEach(memory::add);

    List<ChatMessage> stored = newStore().getMessages("alice");

    assertThat(stored).containsExactlyElementsOf(toolConversation());
    AiMessage call = (AiMessage) stored.get(2);
    assertThat(call.toolExecutionRequests()).containsExactly(weatherCall());
    assertThat(((ToolExecutionResultMessage) stored.get(3)).id()).isEqualTo("call_1");
  }

  @Test
  void finished_round_becomes_long_term_memory_with_its_tool_call() {
    ChatMemory memory = MessageWindowChatMemory.builder().id("alice").maxMessages(10)
        .chatMemoryStore(store).build();
    toolConversation().forEach(memory::add);

    List<MemoryItem> items = episodes("alice");

    assertThat(items).hasSize(1);
    assertThat(items.get(0).session()).isEqualTo("chat-2024-06-01");
    assertThat(items.get(0).text()).isEqualTo("""
        user: What is the weather in Oslo?
        assistant: [tool call get_weather {"city":"Oslo"}]
        tool: [tool result get_weather] Sleet, 2 degrees
        assistant: It is sleeting in Oslo, 2 degrees.""");
    assertThat(items.get(0).text()).doesNotContain("travel assistant");
  }

  @Test
  void unanswered_user_turn_waits_in_the_window_until_its_answer_even_across_restarts() {
    store.updateMessages("alice", List.of(UserMessage.from("My sister Ana lives in Porto.")));
    assertThat(episodes("alice")).isEmpty();

    EngramChatMemoryStore restarted = newStore();
    List<ChatMessage> window = new ArrayList<>(restarted.getMessages("alice"));
    window.add(AiMessage.from("Porto is lovely."));
    restarted.updateMessages("alice", window);

    assertThat(episodes("alice"))
        .extracting(MemoryItem::text)
        .containsExactly("user: My sister Ana lives in Porto.\nassistant: Porto is lovely.");
  }

  @Test
  void messages_evicted_from_the_window_stay_recallable() {
    ChatMemory memory = MessageWindowChatMemory.builder().id("alice").maxMessages(2)
        .chatMemoryStore(store).build();
    memory.add(UserMessage.from("My dog is a beagle called Biscuit."));
    memory.add(AiMessage.from("Biscuit is a great name."));
    memory.add(UserMessage.from("I work as a nurse in Leeds."));
    memory.add(AiMessage.from("Nursing is demanding work."));

    assertThat(memory.messages()).containsExactly(
        UserMessage.from("I work as a nurse in Leeds."),
        AiMessage.from("Nursing is demanding work."));
    assertThat(engram.recall("alice", "What is my dog called?").text()).contains("Biscuit");
    assertThat(episodes("alice")).hasSize(2);
  }

  @Test
  void user_turn_evicted_before_its_answer_is_remembered_with_the_answer() {
    ChatMemory memory = MessageWindowChatMemory.builder().id("alice").maxMessages(1)
        .chatMemoryStore(store).build();
    memory.add(UserMessage.from("Remember that my locker code is 4512."));
    memory.add(AiMessage.from("Noted."));

    assertThat(memory.messages()).containsExactly(AiMessage.from("Noted."));
    assertThat(episodes("alice"))
        .extracting(MemoryItem::text)
        .containsExactly("user: Remember that my locker code is 4512.\nassistant: Noted.");
  }

  @Test
  void the_same_words_said_twice_are_two_turns() {
    ChatMemory memory = MessageWindowChatMemory.builder().id("alice").maxMessages(10)
        .chatMemoryStore(store).build();
    memory.add(UserMessage.from("ok"));
    memory.add(AiMessage.from("Anything else?"));
    memory.add(UserMessage.from("ok"));
    memory.add(AiMessage.from("Bye then."));

    assertThat(memory.messages()).hasSize(4);
    assertThat(episodes("alice"))
        .extracting(MemoryItem::text)
        .containsExactly("user: ok\nassistant: Anything else?", "user: ok\nassistant: Bye then.");
  }

  @Test
  void forgetting_in_engram_removes_the_round_from_the_window_file_too() throws Exception {
    ChatMemory memory = MessageWindowChatMemory.builder().id("alice").maxMessages(10)
        .chatMemoryStore(store).build();
    memory.add(SystemMessage.from("Be brief."));
    memory.add(UserMessage.from("My passport number is X1234567."));
    memory.add(AiMessage.from("Got it."));
    Path file = new WindowFile(dir.resolve("windows")).fileOf(SubjectRef.of("alice"));
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("X1234567");

    engram.forgetSession("alice", "chat-2024-06-01");

    assertThat(store.getMessages("alice")).containsExactly(SystemMessage.from("Be brief."));
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).doesNotContain("X1234567");
  }

  @Test
  void forget_deletes_window_and_long_term_memory() {
    store.updateMessages("alice",
        List.of(UserMessage.from("I like jazz."), AiMessage.from("Nice.")));
    store.updateMessages("bob", List.of(UserMessage.from("I like rock."), AiMessage.from("Cool.")));

    assertThat(store.forget("alice")).isPositive();   // the round and anything derived from it

    assertThat(store.getMessages("alice")).isEmpty();
    assertThat(engram.stats("alice").items()).isZero();
    assertThat(engram.store().timeline(SubjectRef.of("alice"), 0, 100)).isEmpty();
    assertThat(store.getMessages("bob")).hasSize(2);
    assertThat(episodes("bob")).hasSize(1);
  }

  @Test
  void clearing_the_window_keeps_long_term_memory() {
    ChatMemory memory = MessageWindowChatMemory.builder().id("alice").maxMessages(10)
        .chatMemoryStore(store).build();
    memory.add(UserMessage.from("I was born in Lagos."));
    memory.add(AiMessage.from("Lagos is a big city."));

    memory.clear();

    assertThat(memory.messages()).isEmpty();
    assertThat(engram.recall("alice", "Where was I born?").text()).contains("Lagos");
  }

  @Test
  void bad_memory_ids_are_refused_by_name() {
    List<ChatMessage> turn = List.of(UserMessage.from("hi"), AiMessage.from("hello"));
    assertThatThrownBy(() -> store.updateMessages(null, turn))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("memoryId must not be null");
    assertThatThrownBy(() -> store.updateMessages("  ", turn))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("memoryId must not be blank");
    assertThatThrownBy(() -> store.getMessages(new SubjectRef("acme", "alice")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("memoryId alice belongs to tenant 'acme', "
            + "but this Engram serves tenant 'default'");
    assertThat(engram.subjects()).isEmpty();
  }

  @Test
  void a_subject_of_this_tenant_is_accepted() {
    store.updateMessages(SubjectRef.of("alice"),
        List.of(UserMessage.from("I drive a red van."), AiMessage.from("Noted.")));

    assertThat(store.getMessages("alice")).hasSize(2);
  }

  @Test
  void unsupported_messages_are_refused_and_nothing_is_stored() {
    List<ChatMessage> custom = List.of(UserMessage.from("I own a boat."),
        CustomMessage.from(Map.of("kind", "note")), AiMessage.from("Nice boat."));
    List<ChatMessage> image = List.of(
        UserMessage.from(TextContent.from("Look"), ImageContent.from("https://example.org/a.png")),
        AiMessage.from("A cat."));

    assertThatThrownBy(() -> store.updateMessages("alice", custom))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "unsupported message type CUSTOM (dev.langchain4j.data.message.CustomMessage)");
    assertThatThrownBy(() -> store.updateMessages("alice", image))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unsupported content type IMAGE in a UserMessage");

    assertThat(store.getMessages("alice")).isEmpty();
    assertThat(engram.subjects()).isEmpty();
    assertThat(new WindowFile(dir.resolve("windows")).fileOf(SubjectRef.of("alice")))
        .doesNotExist();
  }

  @Test
  void a_refused_update_leaves_the_previous_window_as_it_was() {
    List<ChatMessage> first = List.of(UserMessage.from("I play chess."), AiMessage.from("Fun."));
    store.updateMessages("alice", first);
    List<ChatMessage> bad = new ArrayList<>(first);
    bad.add(CustomMessage.from(Map.of("x", 1)));

    assertThatThrownBy(() -> store.updateMessages("alice", bad))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(store.getMessages("alice")).containsExactlyElementsOf(first);
    assertThat(episodes("alice")).hasSize(1);
  }
}
