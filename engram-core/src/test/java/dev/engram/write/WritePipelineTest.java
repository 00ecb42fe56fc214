package dev.engram.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.embed.HashingEmbedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.store.InMemoryMemoryStore;
import dev.engram.store.ItemFilter;
import dev.engram.store.TimeRange;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WritePipelineTest {
  private static final Instant T = Instant.parse("2024-05-02T10:00:00Z");
  private static final SubjectRef ALICE = SubjectRef.of("alice");

  @Test
  void should_index_rounds_with_their_neighbours_lines_and_pages_as_they_are() {
    // given
    HashingEmbedder embedder = new HashingEmbedder(64);
    InMemoryMemoryStore store = new InMemoryMemoryStore(embedder.info());
    WritePipeline pipeline = new WritePipeline(store, embedder, Clock.fixed(T, ZoneOffset.UTC));
    Segment asked = segment("user: I read a memoir.\nassistant: What did you take from Nicole?");
    Segment answered = segment("user: It taught me self-acceptance.\nassistant: A good lesson.");
    Segment later = segment("user: Next I will read about gardens.\nassistant: Enjoy it.");
    Segment page = segment("Nicole's memoir, chapter one. Gardens grow slowly.");

    Segment alone = segment("user: Thanks, I will.");

    // when: the session, the session again with one more round, a round on its own (as a chat
    // integration sends them), then a document
    pipeline.remember(ALICE, "chat", List.of(asked, answered));
    pipeline.remember(ALICE, "chat", List.of(asked, answered, later));
    pipeline.remember(ALICE, "chat", List.of(alone));
    pipeline.remember(ALICE, "doc", List.of(segment("A first page."), page), false);

    // then: the answer is found by the question's word, its text stays its own
    assertThat(store.searchText(ALICE, "Nicole", 10, TimeRange.ALL))
        .extracting(hit -> hit.item().text()).contains(asked.text(), answered.text());
    assertThat(stored(store, asked).key())
        .isEqualTo(asked.text() + "\nuser: It taught me self-acceptance.");
    // stored by the first call, which did not have the third round yet
    assertThat(stored(store, answered).key())
        .isEqualTo(answered.text() + "\nassistant: What did you take from Nicole?");
    assertThat(stored(store, later).key())
        .isEqualTo(later.text() + "\nassistant: A good lesson.");
    assertThat(stored(store, alone).key()).isEqualTo(alone.text() + "\nassistant: Enjoy it.");
    assertThat(stored(store, page).key()).isEqualTo(page.text());
  }

  private static MemoryItem stored(InMemoryMemoryStore store, Segment segment) {
    return store.items(ALICE, ItemFilter.ANY, 100).stream()
        .filter(item -> item.text().equals(segment.text())).findFirst().orElseThrow();
  }

  private static Segment segment(String text) {
    return new Segment(text, T, List.of());
  }
}
