package dev.engram.openai.enrich;

import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import java.time.Instant;
import java.util.List;

/** Memory items for enrichment tests. */
final class Items {
  static final Instant MAY_1 = Instant.parse("2024-05-01T10:00:00Z");

  private Items() {}

  static MemoryItem episode(String id, String session, long seq, String text) {
    return new MemoryItem(id, new SubjectRef("default", "ann"), session, ItemKind.EPISODE, seq, seq,
        MAY_1.plusSeconds(seq * 60), MAY_1, text, text, List.of(), "hash-" + id, null);
  }
}
