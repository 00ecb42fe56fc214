package dev.engram.retain;

import dev.engram.audit.AuditTrail;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.model.Tier;
import dev.engram.store.AuditAction;
import dev.engram.store.ItemFilter;
import dev.engram.store.MemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Moves a subject's lowest-priority episodes ({@link RetentionPolicy}) to the cold tier, where
 * search no longer sees them (so recall gets faster) but history, get and timeline still do.
 * Pinned items and episodes that back a current fact are never pruned. Audited as {@code
 * PRUNE}. Callers serialise writes.
 */
public final class Pruner {
  private static final int MAX_ITEMS = 10_000_000;

  private final MemoryStore store;
  private final AuditTrail audit;
  private final Clock clock;

  public Pruner(MemoryStore store, AuditTrail audit, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /** The ids pruned (empty when the subject has at most {@code keepHot} hot episodes). */
  public List<String> prune(SubjectRef owner, RetentionPolicy policy, boolean dryRun) {
    List<MemoryItem> hot = store.items(owner, new ItemFilter(EnumSet.of(ItemKind.EPISODE),
        EnumSet.of(Tier.HOT), dev.engram.store.TimeRange.ALL, true), MAX_ITEMS);
    if (hot.size() <= policy.keepHot()) {
      return List.of();
    }
    Set<String> backed = new HashSet<>();
    store.items(owner, ItemFilter.current(ItemKind.FACT), MAX_ITEMS)
        .forEach(fact -> backed.addAll(fact.sourceIds()));
    Salience salience = Salience.of(hot.stream().map(MemoryItem::text).toList());
    long last = hot.get(hot.size() - 1).subjectSeq();
    Instant now = clock.instant();
    List<Scored> candidates = new ArrayList<>();
    for (MemoryItem item : hot) {
      if (item.lifecycle().pinned() || backed.contains(item.id())) {
        continue;
      }
      double priority = policy.priority(salience.text(item.text()), last - item.subjectSeq(),
          Duration.between(item.eventTime(), now), item.lifecycle().accessCount());
      candidates.add(new Scored(item.id(), priority, item.subjectSeq()));
    }
    candidates.sort(Comparator.comparingDouble(Scored::priority)
        .thenComparingLong(Scored::subjectSeq));
    int excess = Math.min(hot.size() - policy.keepHot(), candidates.size());
    List<String> pruned = candidates.subList(0, excess).stream().map(Scored::id).toList();
    if (!dryRun && !pruned.isEmpty()) {
      store.update(owner, pruned, it -> it.withLifecycle(it.lifecycle().withTier(Tier.COLD)));
      audit.record(owner, AuditAction.PRUNE, pruned, List.of(),
          "retention: keep " + policy.keepHot() + " hot");
    }
    return pruned;
  }

  private record Scored(String id, double priority, long subjectSeq) {}
}
