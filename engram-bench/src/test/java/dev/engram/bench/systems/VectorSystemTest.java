package dev.engram.bench.systems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.embed.HashingEmbedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.SubjectRef;
import dev.engram.store.InMemoryMemoryStore;
import dev.engram.store.ScoredItem;
import dev.engram.store.TimeRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorSystemTest {
  private static final SubjectRef ALICE = SubjectRef.of("alice");

  @Test
  void should_rank_by_each_items_own_text_not_by_engrams_vectors() {
    // given: a long round whose kayak words come after the reply's opening, which Engram's
    // vector (user lines, then the reply's first characters) leaves out
    HashingEmbedder embedder = new HashingEmbedder(256);
    InMemoryMemoryStore store = RememberedSession.of(embedder, "alice",
        Message.user("i have a question for you"),
        Message.assistant("sure, here is some general advice for you. ".repeat(4)
            + "kayak paddles: choose kayak paddles for the lake. ".repeat(8)),
        Message.user("we spoke about a lake"),
        Message.assistant("yes, a calm one"));
    List<MemoryItem> items = store.timeline(ALICE, 0, 100);
    String query = "kayak paddles lake";
    List<ScoredItem> engramVectors =
        store.searchVector(ALICE, embedder.embedQuery(query), 1, TimeRange.ALL);
    assertThat(engramVectors.get(0).item().text()).startsWith("user: we spoke about a lake");
    VectorSystem vector = new VectorSystem(embedder, 50);

    // when
    vector.index(ALICE, items);
    List<MemoryItem> ranked = vector.rank(ALICE, query, 2);

    // then
    assertThat(ranked).extracting(MemoryItem::text).first().asString()
        .startsWith("user: i have a question for you");
  }
}
