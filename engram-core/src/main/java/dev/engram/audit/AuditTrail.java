package dev.engram.audit;

import dev.engram.model.Require;
import dev.engram.model.SubjectRef;
import dev.engram.store.AuditAction;
import dev.engram.store.AuditEvent;
import dev.engram.store.MemoryStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads the append-only audit log of the store, stamping each event with the injected
 * clock and this trail's actor (an API key id or a command, never a secret). Events name items by
 * id and never carry their text. Thread-safe (the store numbers events under its write lock).
 */
public final class AuditTrail {
  /** Most events {@link #history} reads in one page. */
  private static final int PAGE = 1000;

  private final MemoryStore store;
  private final Clock clock;
  private final String actor;

  public AuditTrail(MemoryStore store, Clock clock, String actor) {
    this.store = Require.nonNull(store, "store");
    this.clock = Require.nonNull(clock, "clock");
    this.actor = Require.identifier(actor, "actor");
  }

  /** Appends one event; an empty {@code itemIds} list is allowed (e.g. a rollback). */
  public AuditEvent record(SubjectRef owner, AuditAction action, List<String> itemIds,
      List<String> causeIds, String reason) {
    return store.appendAudit(
        AuditEvent.of(owner, clock.instant(), action, itemIds, causeIds, actor, reason));
  }

  /** Every event of the subject, oldest first. */
  public List<AuditEvent> history(SubjectRef owner) {
    List<AuditEvent> all = new ArrayList<>();
    long from = 1;
    while (true) {
      List<AuditEvent> page = store.audit(owner, from, PAGE);
      all.addAll(page);
      if (page.size() < PAGE) {
        return all;
      }
      from = page.get(page.size() - 1).version() + 1;
    }
  }

  /** The subject's current version: the number of its last event, 0 when it has none. */
  public long version(SubjectRef owner) {
    List<AuditEvent> all = history(owner);
    return all.isEmpty() ? 0 : all.get(all.size() - 1).version();
  }

  /** The actor this trail writes. */
  public String actor() {
    return actor;
  }
}
