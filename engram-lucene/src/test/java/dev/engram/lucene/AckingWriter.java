package dev.engram.lucene;

import static dev.engram.store.TestItem.EMBEDDER;
import static dev.engram.store.TestItem.item;

import dev.engram.model.SubjectRef;
import dev.engram.store.MemoryStore;
import java.nio.file.Path;
import java.util.List;

/**
 * The child process of {@link KillNineDurabilityTest}: opens the store in {@code args[0]} and adds
 * items one {@code add()} call at a time, printing {@code ACK <id>} after each call returns, until
 * {@code args[1]} items are written or it is killed.
 */
public final class AckingWriter {
  static final SubjectRef OWNER = SubjectRef.of("crash");

  private AckingWriter() {}

  public static void main(String[] args) {
    int count = Integer.parseInt(args[1]);
    try (MemoryStore store = LuceneMemoryStore.open(Path.of(args[0]), EMBEDDER.info(), false)) {
      for (int i = 0; i < count; i++) {
        String id = "item-" + i;
        store.add(List.of(item(OWNER, id, "kayak number " + i).seq(i, i).build()));
        System.out.println("ACK " + id);
        System.out.flush();
      }
    }
  }
}
