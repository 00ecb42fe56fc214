package dev.engram.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.Engram;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.Message;
import dev.engram.model.MemoryItem;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retriever on a real Lucene store on disk, with the fast hashing embedder. */
class EngramContentRetrieverTest {
  @TempDir Path dir;
  private Engram engram;

  @BeforeEach
  void open() {
    engram = Engram.builder().dataDir(dir).embedder(new HashingEmbedder(64)).build();
    engram.remember("alice", new Session("s1", Instant.parse("2024-05-01T09:00:00Z"), List.of(
        Message.user("We adopted a beagle called Biscuit."), Message.assistant("Lovely!"))));
    engram.remember("alice", new Session("s2", Instant.parse("2024-05-03T09:00:00Z"), List.of(
        Message.user("My sister lives in Porto."), Message.assistant("Nice city."))));
    engram.remember("bob", "s1", List.of(Message.user("My cat is called Tom.")));
  }

  @AfterEach
  void close() {
    engram.close();
  }

  /** The remembered rounds among the contents (Engram may also pack derived summaries). */
  private static List<Content> episodes(List<Content> contents) {
    return contents.stream().filter(c -> "EPISODE".equals(
        c.textSegment().metadata().getString(EngramContentRetriever.KIND))).toList();
  }

  @Test
  void contents_carry_item_id_session_time_and_score() {
    EngramContentRetriever retriever =
        EngramContentRetriever.builder().engram(engram).memoryId("alice").build();

    List<Content> contents = episodes(retriever.retrieve(Query.from("What is my dog called?")));

    MemoryItem biscuit = engram.store().sessionRange(SubjectRef.of("alice"), "s1", 0, 0).get(0);
    assertThat(contents).hasSize(2);
    Content first = contents.stream()
        .filter(c -> c.textSegment().text().contains("Biscuit")).findFirst().orElseThrow();
    assertThat(first.textSegment().text()).isEqualTo(biscuit.text());
    dev.langchain4j.data.document.Metadata metadata = first.textSegment().metadata();
    assertThat(metadata.getString(EngramContentRetriever.ITEM_ID)).isEqualTo(biscuit.id());
    assertThat(metadata.getString(EngramContentRetriever.SESSION)).isEqualTo("s1");
    assertThat(metadata.getString(EngramContentRetriever.TIME)).isEqualTo("2024-05-01T09:00:00Z");
    assertThat(metadata.getLong(EngramContentRetriever.SEQUENCE)).isZero();
    assertThat(metadata.getString(EngramContentRetriever.REASON)).isEqualTo("WHOLE_MEMORY");
    assertThat(first.metadata()).containsEntry(ContentMetadata.EMBEDDING_ID, biscuit.id())
        .containsKey(ContentMetadata.SCORE);
    assertThat(contents).noneMatch(c -> c.textSegment().text().contains("Tom"));
  }

  @Test
  void retrieval_mode_scores_hits_and_respects_the_budget() {
    List<Message> filler = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      filler.add(Message.user(
          "Filler round number " + i + " about gardening, tomatoes and the weather in spring."));
      filler.add(Message.assistant("Gardening is relaxing, and spring weather helps tomatoes."));
    }
    engram.remember("alice", "filler", filler);
    EngramContentRetriever retriever =
        EngramContentRetriever.builder().engram(engram).memoryId("alice").budget(200).build();

    List<Content> contents = retriever.retrieve(Query.from("beagle Biscuit"));

    int tokens = contents.stream().mapToInt(c -> c.textSegment().text().length() / 4).sum();
    assertThat(tokens).isLessThanOrEqualTo(200);
    // The compact block (facts, summaries) may mention Biscuit too; the episode must be a HIT.
    Content hit = contents.stream().filter(c -> c.textSegment().text().contains("Biscuit"))
        .filter(c -> "HIT".equals(c.textSegment().metadata().getString(
            EngramContentRetriever.REASON)))
        .findFirst().orElseThrow(() -> new AssertionError("no HIT holds Biscuit: " + contents));
    assertThat((Double) hit.metadata().get(ContentMetadata.SCORE)).isPositive();
  }

  @Test
  void without_a_fixed_memory_id_the_query_chat_memory_id_names_the_subject() {
    EngramContentRetriever retriever = EngramContentRetriever.builder().engram(engram).build();
    Query query = Query.from("What is my cat called?",
        Metadata.from(UserMessage.from("What is my cat called?"), "bob", List.of()));

    List<Content> contents = episodes(retriever.retrieve(query));

    assertThat(contents).extracting(c -> c.textSegment().text())
        .containsExactly("user: My cat is called Tom.");
  }

  @Test
  void a_query_without_any_memory_id_is_refused() {
    EngramContentRetriever retriever = EngramContentRetriever.builder().engram(engram).build();

    assertThatThrownBy(() -> retriever.retrieve(Query.from("anything")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("memoryId must not be null");
  }

  @Test
  void a_subject_of_another_tenant_is_refused() {
    assertThatThrownBy(() -> EngramContentRetriever.builder().engram(engram)
        .memoryId(new SubjectRef("acme", "alice")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant 'acme'");
  }

  @Test
  void a_subject_without_memory_gets_no_content() {
    EngramContentRetriever retriever =
        EngramContentRetriever.builder().engram(engram).memoryId("carol").build();

    assertThat(retriever.retrieve(Query.from("What is my dog called?"))).isEmpty();
  }
}
