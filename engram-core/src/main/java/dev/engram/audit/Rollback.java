package dev.engram.audit;

import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.model.Tier;
import dev.engram.store.AuditAction;
import dev.engram.store.AuditEvent;
import dev.engram.store.ItemFilter;
import dev.engram.store.MemoryStore;
import dev.engram.summary.CompactMemory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rolls a subject back to an earlier version by undoing, newest first, the events after it:
 * items remembered or derived after it are deleted (for real), superseded facts are current
 * again, pruned items are warmed, pins are reverted. Forgetting is never undone: what was
 * forgotten stays forgotten (its text is gone anyway). Summaries are then rebuilt from what is
 * left, and the rollback itself is audited. Callers serialise writes.
 */
public final class Rollback {
  private static final int MAX_ITEMS = 1_000_000;

  private final MemoryStore store;
  private final CompactMemory compact;
  private final AuditTrail audit;

  public Rollback(MemoryStore store, CompactMemory compact, AuditTrail audit) {
    this.store = store;
    this.compact = compact;
    this.audit = audit;
  }

  /**
   * Rolls {@code owner} back to {@code version}.
   *
   * @return the rollback's own audit event
   * @throws IllegalArgumentException if the subject has no such version (0 is the empty
   *     beginning, the current version is a no-op rollback)
   */
  public AuditEvent rollback(SubjectRef owner, long version, String reason) {
    List<AuditEvent> history = audit.history(owner);
    long current = history.isEmpty() ? 0 : history.get(history.size() - 1).version();
    if (version < 0 || version > current) {
      throw new IllegalArgumentException("unknown version " + version + " of subject '"
          + owner.subject() + "': versions are 0.." + current);
    }
    Set<String> deleted = new LinkedHashSet<>();
    for (int i = history.size() - 1; i >= 0 && history.get(i).version() > version; i--) {
      undo(owner, history.get(i), deleted);
    }
    if (!deleted.isEmpty()) {
      List<String> summaries = store.items(owner, ItemFilter.allOf(ItemKind.SUMMARY), MAX_ITEMS)
          .stream().map(MemoryItem::id).toList();
      List<String> doomed = new ArrayList<>(deleted);
      doomed.addAll(summaries);
      store.deleteItems(owner, doomed);
      Set<String> sessions = new LinkedHashSet<>();
      store.items(owner, ItemFilter.allOf(ItemKind.EPISODE, ItemKind.NOTE), MAX_ITEMS)
          .forEach(item -> sessions.add(item.session()));
      compact.recreate(owner, sessions, !summaries.isEmpty());
    }
    return audit.record(owner, AuditAction.ROLLBACK, List.copyOf(deleted),
        List.of(Long.toString(version)), reason == null ? "" : reason);
  }

  private void undo(SubjectRef owner, AuditEvent event, Set<String> deleted) {
    switch (event.action()) {
      case REMEMBER, FACT, SUMMARY -> deleted.addAll(event.itemIds());
      case SUPERSEDE -> store.update(owner, event.itemIds(),
          f -> f.withLifecycle(f.lifecycle().supersededAt(null, null)));
      case PRUNE -> store.update(owner, event.itemIds(),
          it -> it.withLifecycle(it.lifecycle().withTier(Tier.HOT)));
      case PIN -> store.update(owner, event.itemIds(),
          it -> it.withLifecycle(it.lifecycle().withPinned(false)));
      case UNPIN -> store.update(owner, event.itemIds(),
          it -> it.withLifecycle(it.lifecycle().withPinned(true)));
      case MERGE -> { } // the merged rounds go with their REMEMBER; hits are not versioned
      case FORGET, ROLLBACK -> { } // forgotten stays forgotten; a rollback is not redone
    }
  }
}
