package dev.engram.retain;

import static dev.engram.store.TestItem.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.read.PackedItem;
import dev.engram.read.PackedItem.Reason;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only recall's best hits count as accesses; the rest of a packed context does not. */
class AccessTrackerTest {
  private static final SubjectRef ALICE = SubjectRef.of("alice");

  @Test
  void should_count_only_episodes_ranked_among_the_best_ten_hits() {
    AccessTracker tracker = new AccessTracker(true);
    MemoryItem episode = item(ALICE, "e1", "kayak trip").build();

    tracker.record(ALICE, List.of(
        new PackedItem(episode, Reason.HIT, 1, 5),
        new PackedItem(item(ALICE, "e2", "b").build(), Reason.HIT, AccessTracker.COUNTED_RANKS, 5),
        new PackedItem(item(ALICE, "e3", "c").build(), Reason.HIT, AccessTracker.COUNTED_RANKS + 1,
            5),
        new PackedItem(item(ALICE, "e4", "d").build(), Reason.NEIGHBOUR, 1, 5),
        new PackedItem(item(ALICE, "e5", "e").build(), Reason.WHOLE_MEMORY, 1, 5),
        new PackedItem(item(ALICE, "s1", "f").kind(ItemKind.SUMMARY).build(), Reason.HIT, 2, 5)),
        Instant.parse("2024-03-01T10:00:00Z"));

    assertThat(tracker.pending()).isEqualTo(2);
  }

  @Test
  void should_count_nothing_when_disabled() {
    AccessTracker tracker = new AccessTracker(false);

    tracker.record(ALICE, List.of(new PackedItem(item(ALICE, "e1", "a").build(), Reason.HIT, 1,
        5)), Instant.parse("2024-03-01T10:00:00Z"));

    assertThat(tracker.pending()).isZero();
  }
}
