package dev.engram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.embed.HashingEmbedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.read.Context;
import dev.engram.read.RecallRequest;
import dev.engram.store.InMemoryMemoryStore;
import dev.engram.write.RememberResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random sequences of remember / forget / recall through the public API, checked after
 * every step against a plain model of what each subject should hold. The seed is in the test name
 * and in every assertion message.
 */
class EngramRandomizedTest {
  private static final String[] WORDS = {"harbour", "lantern", "violin", "cedar", "orbit",
      "pepper", "glacier", "meadow", "copper", "falcon", "saffron", "tunnel", "ember", "quartz"};
  private static final List<String> SUBJECTS = List.of("ann", "bob", "cy");

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 17, 42, 2024, 987654321})
  void recall_never_returns_forgotten_or_foreign_memory(long seed) {
    Random random = new Random(seed);
    HashingEmbedder embedder = new HashingEmbedder(128);
    MutableClock clock = new MutableClock(Instant.parse("2024-01-01T00:00:00Z"));
    Map<String, Map<String, String>> model = new HashMap<>(); // subject -> item id -> session
    try (InMemoryMemoryStore store = new InMemoryMemoryStore(embedder.info());
        Engram engram = Engram.builder().store(store).embedder(embedder).clock(clock).build()) {
      for (int step = 0; step < 200; step++) {
        String subject = SUBJECTS.get(random.nextInt(SUBJECTS.size()));
        Map<String, String> live = model.computeIfAbsent(subject, s -> new HashMap<>());
        int op = random.nextInt(10);
        String where = "seed " + seed + " step " + step + " op " + op + " subject " + subject;
        if (op < 5) {
          String session = "s" + random.nextInt(4);
          RememberResult result = engram.remember(subject, session, messages(random));
          result.addedIds().forEach(id -> live.put(id, session));
        } else if (op == 5 && !live.isEmpty()) {
          String id = new ArrayList<>(live.keySet()).get(random.nextInt(live.size()));
          assertThat(engram.forgetItems(subject, List.of(id))).as(where).isEqualTo(1);
          live.remove(id);
        } else if (op == 6) {
          String session = "s" + random.nextInt(4);
          long expected = live.values().stream().filter(session::equals).count();
          assertThat(engram.forgetSession(subject, session)).as(where).isEqualTo((int) expected);
          live.values().removeIf(session::equals);
        } else {
          checkRecall(engram, subject, live, random, where);
        }
        clock.advance(Duration.ofMinutes(1));
        assertThat(engram.stats(subject).items()).as(where).isEqualTo(live.size());
      }
    }
  }

  private static void checkRecall(
      Engram engram, String subject, Map<String, String> live, Random random, String where) {
    String query = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
    int budget = 50 + random.nextInt(3000);
    Context context = engram.recall(subject, RecallRequest.of(query).withBudget(budget));
    Set<String> packed = context.memoryItems().stream()
        .filter(item -> item.kind() == dev.engram.model.ItemKind.EPISODE).map(MemoryItem::id)
        .collect(Collectors.toSet());
    assertThat(live.keySet()).as(where + ": only live items of the subject").containsAll(packed);
    for (MemoryItem derived : context.memoryItems()) {
      if (derived.kind() == dev.engram.model.ItemKind.FACT) {
        assertThat(live.keySet()).as(where + ": a fact of live episodes only")
            .containsAll(derived.sourceIds());
      } else if (derived.kind() == dev.engram.model.ItemKind.SUMMARY
          && !derived.sourceIds().isEmpty()) {
        assertThat(live.values()).as(where + ": a summary of a live session")
            .contains(derived.sourceIds().get(0));
      }
    }
    assertThat(context.tokens()).as(where + ": within budget").isLessThanOrEqualTo(budget);
    if (context.mode() == Context.Mode.WHOLE_MEMORY) {
      assertThat(packed).as(where + ": whole memory is all of it").isEqualTo(new HashSet<>(live.keySet()));
      List<Long> order = context.memoryItems().stream()
          .filter(item -> item.kind() == dev.engram.model.ItemKind.EPISODE)
          .map(MemoryItem::subjectSeq).toList();
      assertThat(order).as(where).isSorted();
    }
  }

  private static List<Message> messages(Random random) {
    List<Message> turns = new ArrayList<>();
    int rounds = 1 + random.nextInt(3);
    for (int i = 0; i < rounds; i++) {
      turns.add(Message.user(sentence(random)));
      turns.add(Message.assistant(sentence(random)));
    }
    return turns;
  }

  private static String sentence(Random random) {
    StringBuilder text = new StringBuilder("I remember the");
    int words = 3 + random.nextInt(30);
    for (int i = 0; i < words; i++) {
      text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.append('.').toString();
  }
}
