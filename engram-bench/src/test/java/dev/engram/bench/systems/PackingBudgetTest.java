package dev.engram.bench.systems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Role;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.model.TokenEstimate;
import dev.engram.read.Context;
import dev.engram.read.PackedItem;
import dev.engram.store.InMemoryMemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackingBudgetTest {
  private static final String[] WORDS = {"garden", "tomato", "piano", "lesson", "trip", "Lisbon",
      "budget", "dog", "walk", "beach", "recipe", "curry", "train", "ticket", "meeting", "report"};
  private static final SubjectRef OWNER = SubjectRef.of("alice");

  @ParameterizedTest
  @ValueSource(ints = {60, 150, 400, 1000, 3000})
  void everySystemStaysWithinTheBudget(int budget) {
    HashingEmbedder embedder = new HashingEmbedder(64);
    InMemoryMemoryStore store = new InMemoryMemoryStore(embedder.info());
    remember(store, embedder, 12, 42);
    List<MemoryItem> items = store.timeline(OWNER, 0, 1000);
    for (RetrievalSystem system : SystemNames.create(SystemNames.ALL, store, embedder, 200)) {
      system.index(OWNER, items);
      Context context = system.pack(OWNER, "piano lesson in Lisbon", budget);
      int charged = context.items().stream().mapToInt(PackedItem::tokens).sum();
      assertThat(context.tokens()).as(system.name()).isLessThanOrEqualTo(budget);
      assertThat(charged).as(system.name()).isEqualTo(context.tokens());
      assertThat(TokenEstimate.of(context.text())).as(system.name()).isLessThanOrEqualTo(budget);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {150, 1000})
  void recentPacksTheNewestRoundsWithoutGaps(int budget) {
    HashingEmbedder embedder = new HashingEmbedder(64);
    InMemoryMemoryStore store = new InMemoryMemoryStore(embedder.info());
    remember(store, embedder, 12, 7);
    List<MemoryItem> timeline = store.items(OWNER, dev.engram.store.ItemFilter.allOf(
        dev.engram.model.ItemKind.EPISODE, dev.engram.model.ItemKind.NOTE), 1000);
    Context context = new RecentSystem(store).pack(OWNER, "anything", budget);
    List<MemoryItem> packed = context.memoryItems();
    assertThat(packed).isNotEmpty();
    // Oldest first, ending with the newest round, contiguous in the timeline.
    assertThat(packed).isEqualTo(timeline.subList(timeline.size() - packed.size(), timeline.size()));
  }

  @ParameterizedTest
  @ValueSource(ints = {150, 400})
  void greedyPackingSkipsAnItemThatDoesNotFitAndKeepsGoing(int budget) {
    HashingEmbedder embedder = new HashingEmbedder(64);
    InMemoryMemoryStore store = new InMemoryMemoryStore(embedder.info());
    remember(store, embedder, 12, 3);
    List<MemoryItem> items = new ArrayList<>(store.timeline(OWNER, 0, 1000));
    items.sort((a, b) -> Integer.compare(b.tokens(), a.tokens())); // largest first
    Context context = BudgetPacker.greedy("q", items, budget);
    int used = context.tokens();
    for (MemoryItem item : items) {
      boolean packed = context.memoryItems().contains(item);
      if (!packed) {
        // Nothing left out would still have fitted after the last packed item.
        assertThat(BudgetPacker.cost(item)).isGreaterThan(budget - used);
      }
    }
  }

  private static void remember(InMemoryMemoryStore store, HashingEmbedder embedder, int sessions,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Instant start = Instant.parse("2024-01-01T10:00:00Z");
    try (Engram engram = Engram.builder().store(store).embedder(embedder)
        .clock(Clock.fixed(start, ZoneOffset.UTC)).build()) {
      for (int s = 0; s < sessions; s++) {
        List<Message> messages = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          Role role = t % 2 == 0 ? Role.USER : Role.ASSISTANT;
          messages.add(new Message("S" + s + ":" + t, role, sentence(random, 8 + random.nextInt(60)),
              null));
        }
        engram.remember(OWNER.subject(), new Session("s" + s, start.plusSeconds(3600L * s), messages));
      }
    }
  }

  private static String sentence(SplittableRandom random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.append('.').toString();
  }
}
