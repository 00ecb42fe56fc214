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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves a subject's lowest-priority episodes ({@link RetentionPolicy}) to the cold tier, where
 * search no longer sees them (so recall gets faster) but history, get and timeline still do.
 * Pinned items and episodes that back a current fact are never pruned. Salience (F2) is computed
 * against the subject's hot episodes as they are now, so a word's rarity is judged against all
 * the subject has said; the per-turn decay by {@link TurnKind} is applied in closed form. Pruned
 * items keep the salience that ranked them. Audited as {@code PRUNE}. Callers serialise writes.
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
      double sal = salience.text(item.text());
      double rate = policy.decay().rate(TurnKind.of(item.text()), false);
      double priority = policy.logPriority(sal, rate,
          last - item.subjectSeq(), Duration.between(item.eventTime(), now),
          item.lifecycle().accessCount());
      candidates.add(new Scored(item.id(), priority, item.subjectSeq(), sal));
    }
    candidates.sort(Comparator.comparingDouble(Scored::priority)
        .thenComparingLong(Scored::subjectSeq));
    int excess = Math.min(hot.size() - policy.keepHot(), candidates.size());
    Map<String, Double> pruned = new LinkedHashMap<>();
    candidates.subList(0, excess).forEach(c -> pruned.put(c.id(), c.salience()));
    if (!dryRun && !pruned.isEmpty()) {
      // the salience that ranked it is kept on the item, for history and a later explain
      store.update(owner, pruned.keySet(), it -> it.withLifecycle(
          it.lifecycle().withTier(Tier.COLD).withSalience(pruned.get(it.id()))));
      audit.record(owner, AuditAction.PRUNE, List.copyOf(pruned.keySet()), List.of(),
          "retention: keep " + policy.keepHot() + " hot");
    }
    return List.copyOf(pruned.keySet());
  }

  private record Scored(String id, double priority, long subjectSeq, double salience) {}
}
