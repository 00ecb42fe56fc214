package dev.engram.bench.systems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.embed.HashingEmbedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.SubjectRef;
import dev.engram.store.InMemoryMemoryStore;
import dev.engram.store.TimeRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class Bm25SystemTest {
  private static final SubjectRef ALICE = SubjectRef.of("alice");

  @Test
  void should_rank_by_each_items_own_text_not_by_engrams_index_keys() {
    // given: the second round's key borrows "Nicole" from the first round's last line
    HashingEmbedder embedder = new HashingEmbedder(64);
    InMemoryMemoryStore store = RememberedSession.of(embedder, "alice",
        Message.user("I finished a memoir last week."),
        Message.assistant("What did you take from Becoming Nicole?"),
        Message.user("It taught me self-acceptance."),
        Message.assistant("That is a good lesson."));
    List<MemoryItem> items = store.timeline(ALICE, 0, 100);
    assertThat(store.searchText(ALICE, "Nicole", 10, TimeRange.ALL)).hasSize(2);
    Bm25System bm25 = new Bm25System(50);

    // when
    bm25.index(ALICE, items);
    List<MemoryItem> ranked = bm25.rank(ALICE, "Nicole", 10);

    // then
    assertThat(ranked).extracting(MemoryItem::text)
        .containsExactly("user: I finished a memoir last week.\n"
            + "assistant: What did you take from Becoming Nicole?");
  }
}
