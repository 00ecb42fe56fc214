package dev.engram.bench.systems;

import dev.engram.Engram;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.Message;
import dev.engram.model.Session;
import dev.engram.store.InMemoryMemoryStore;
import java.time.Instant;
import java.util.List;

/** A subject's memory of one session, remembered through Engram, for the baseline tests. */
final class RememberedSession {
  private RememberedSession() {}

  /** An in-memory store holding {@code messages} as session {@code s1} of {@code subject}. */
  static InMemoryMemoryStore of(HashingEmbedder embedder, String subject, Message... messages) {
    InMemoryMemoryStore store = new InMemoryMemoryStore(embedder.info());
    try (Engram engram = Engram.builder().store(store).embedder(embedder).build()) {
      engram.remember(subject,
          new Session("s1", Instant.parse("2024-05-02T10:00:00Z"), List.of(messages)));
    }
    return store;
  }
}
