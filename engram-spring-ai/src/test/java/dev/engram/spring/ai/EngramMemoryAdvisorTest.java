package dev.engram.spring.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.Engram;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.openai.testing.ChatCall;
import dev.engram.openai.testing.FakeOpenAiServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;

/**
 * The advisor in a real ChatClient over Spring AI's OpenAI client and a local OpenAI-protocol
 * server, with a real Lucene store on disk and the fast hashing embedder.
 */
class EngramMemoryAdvisorTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-06-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private FakeOpenAiServer server;
  private Engram engram;
  private ChatClient chat;

  @BeforeEach
  void start() {
    server = FakeOpenAiServer.start().replyWith(call -> "Reply " + call.messages().size());
    engram = Engram.builder().dataDir(dir).embedder(new HashingEmbedder(64)).clock(CLOCK).build();
    OpenAiApi api = OpenAiApi.builder()
        .baseUrl(server.baseUrl().replaceFirst("/v1$", "")).apiKey("sk-test").build();
    OpenAiChatModel model = OpenAiChatModel.builder().openAiApi(api)
        .defaultOptions(OpenAiChatOptions.builder().model("fake-chat").build()).build();
    EngramMemoryAdvisor advisor = EngramMemoryAdvisor.builder(engram).clock(CLOCK).build();
    chat = ChatClient.builder(model).defaultAdvisors(advisor).build();
  }

  @AfterEach
  void stop() {
    engram.close();
    server.close();
  }

  private String ask(String conversation, String question) {
    return chat.prompt().user(question)
        .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, conversation)).call().content();
  }

  /** The texts of the remembered rounds (Engram may derive summaries and facts beside them). */
  private List<String> items(String subject) {
    return episodes(subject).stream().map(MemoryItem::text).toList();
  }

  private List<MemoryItem> episodes(String subject) {
    return engram.store().timeline(SubjectRef.of(subject), 0, 100).stream()
        .filter(item -> item.kind() == ItemKind.EPISODE).toList();
  }

  @Test
  void remembers_the_exchange_after_the_call() {
    String answer = ask("alice", "My sister Ana lives in Porto.");

    assertThat(answer).isEqualTo("Reply 1");
    assertThat(items("alice"))
        .containsExactly("user: My sister Ana lives in Porto.\nassistant: Reply 1");
    assertThat(episodes("alice").get(0).session())
        .isEqualTo("chat-2024-06-01");
  }

  @Test
  void recalls_the_subjects_memory_into_the_system_message() {
    ask("alice", "My sister Ana lives in Porto.");

    ask("alice", "Where does my sister live?");

    ChatCall later = server.chatCalls().get(1);
    assertThat(later.messages().get(0).role()).isEqualTo("system");
    assertThat(later.messages().get(0).content())
        .contains("<memory>").contains("user: My sister Ana lives in Porto.");
    assertThat(later.lastUserMessage()).isEqualTo("Where does my sister live?");
  }

  @Test
  void keeps_the_applications_own_system_message_first() {
    ask("alice", "I am allergic to peanuts.");

    chat.prompt().system("Answer in one sentence.").user("What am I allergic to?")
        .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "alice")).call().content();

    String system = server.chatCalls().get(1).messages().get(0).content();
    assertThat(system).startsWith("Answer in one sentence.").contains("allergic to peanuts");
  }

  @Test
  void one_subjects_memory_never_reaches_another() {
    ask("alice", "My bank PIN is 9931.");

    ask("bob", "What is my bank PIN?");

    assertThat(server.chatCalls().get(1).systemAndUserText()).doesNotContain("9931");
    assertThat(items("bob")).containsExactly("user: What is my bank PIN?\nassistant: Reply 1");
  }

  @Test
  void streaming_aggregates_the_answer_and_remembers_it_on_completion() {
    server.replyWith(call -> "Porto is a city in the north of Portugal.");

    List<String> chunks = chat.prompt().user("Tell me about Porto.")
        .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "alice"))
        .stream().content().collectList().block();

    assertThat(String.join("", chunks)).isEqualTo("Porto is a city in the north of Portugal.");
    assertThat(server.chatCalls().get(0).stream()).isTrue();
    assertThat(items("alice")).containsExactly(
        "user: Tell me about Porto.\nassistant: Porto is a city in the north of Portugal.");
  }

  @Test
  void streaming_recalls_too() {
    ask("alice", "My cat is called Miso.");

    chat.prompt().user("What is my cat called?")
        .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "alice"))
        .stream().content().collectList().block();

    assertThat(server.chatCalls().get(1).messages().get(0).content()).contains("Miso");
  }

  @Test
  void the_dedicated_subject_and_session_params_win() {
    chat.prompt().user("I run marathons.")
        .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, "conversation-7")
            .param(EngramMemoryAdvisor.SUBJECT, "carol")
            .param(EngramMemoryAdvisor.SESSION, "conversation-7"))
        .call().content();

    assertThat(engram.subjects()).containsExactly("carol");
    assertThat(episodes("carol").get(0).session())
        .isEqualTo("conversation-7");
  }

  @Test
  void without_a_conversation_id_the_default_subject_is_used() {
    chat.prompt().user("I like tea.").call().content();

    assertThat(engram.subjects()).containsExactly("default");
  }

  @Test
  void bad_subjects_are_refused_by_name_before_any_call_or_write() {
    assertThatThrownBy(() -> ask(" ", "hello"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("advisor parameter chat_memory_conversation_id must not be blank");
    assertThatThrownBy(() -> chat.prompt().user("hello")
        .advisors(a -> a.param(EngramMemoryAdvisor.SUBJECT, new SubjectRef("acme", "alice")))
        .call().content())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("advisor parameter engram_subject names subject alice of tenant 'acme', "
            + "but this Engram serves tenant 'default'");

    assertThat(server.chatCalls()).isEmpty();
    assertThat(engram.subjects()).isEmpty();
  }

  @Test
  void a_subject_of_this_tenant_is_accepted() {
    chat.prompt().user("I speak Welsh.")
        .advisors(a -> a.param(EngramMemoryAdvisor.SUBJECT, SubjectRef.of("dafydd")))
        .call().content();

    assertThat(items("dafydd")).hasSize(1);
  }
}
