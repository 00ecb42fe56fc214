package dev.engram.server;

import dev.engram.Engram;
import dev.engram.embed.Embedder;
import dev.engram.model.Require;
import dev.engram.store.MemoryStore;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One {@link Engram} per tenant over one shared store and embedder. An {@code Engram} is bound to
 * its tenant when built and every call it makes goes through {@code SubjectRef(tenant, subject)},
 * so code holding a tenant's {@code Engram} cannot name another tenant's memory at all.
 *
 * <p>Thread-safe. The store and embedder belong to the caller.
 */
final class TenantMemories {
  /** Who the audit log says made the server's changes. */
  static final String ACTOR = "engram-server";

  private final MemoryStore store;
  private final Embedder embedder;
  private final Clock clock;
  private final int budget;
  private final ConcurrentMap<String, Engram> byTenant = new ConcurrentHashMap<>();

  TenantMemories(MemoryStore store, Embedder embedder, Clock clock, int budget) {
    this.store = Require.nonNull(store, "store");
    this.embedder = Require.nonNull(embedder, "embedder");
    this.clock = Require.nonNull(clock, "clock");
    this.budget = budget;
  }

  /** The memory of {@code tenant}, built on first use. */
  Engram of(String tenant) {
    return byTenant.computeIfAbsent(tenant, t -> Engram.builder()
        .store(store).embedder(embedder).tenant(t).clock(clock).budget(budget)
        .actor(ACTOR).build());
  }

  MemoryStore store() {
    return store;
  }
}
