package dev.engram.forget;

import dev.engram.audit.AuditTrail;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.store.AuditAction;
import dev.engram.store.ItemFilter;
import dev.engram.store.MemoryStore;
import dev.engram.summary.CompactMemory;
import dev.engram.text.Terms;
import dev.engram.write.RoundKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Real forgetting (research.md capability 11). Resolves a {@link ForgetSelector} to episodes and
 * notes, adds the facts derived only from them and the summaries covering their sessions, deletes
 * all of it in one store call (which purges the bytes), then writes fresh summaries from what is
 * left and reopens any older fact that a deleted fact had superseded. Before the delete, the
 * lines a forgotten round lent to its neighbours' index keys ({@link RoundKey}) are taken
 * back; a line that another round of the session lent word for word goes too. The audit log
 * records the ids and the selector's description, never the text. Forgetting what does not exist
 * changes nothing and says so ({@link ForgetReport#nothing()}). Callers serialise writes.
 */
public final class Forgetting {
  private static final int MAX_ITEMS = 1_000_000;

  private final MemoryStore store;
  private final CompactMemory compact;
  private final AuditTrail audit;

  public Forgetting(MemoryStore store, CompactMemory compact, AuditTrail audit) {
    this.store = store;
    this.compact = compact;
    this.audit = audit;
  }

  /** Forgets what {@code selector} names, or in a dry run only reports it. */
  public ForgetReport forget(SubjectRef owner, ForgetSelector selector, boolean dryRun,
      String reason) {
    List<MemoryItem> episodes = episodes(owner, selector);
    Set<String> episodeIds = new LinkedHashSet<>();
    Set<String> sessions = new LinkedHashSet<>();
    for (MemoryItem episode : episodes) {
      episodeIds.add(episode.id());
      sessions.add(episode.session());
    }
    List<MemoryItem> facts = store.items(owner, ItemFilter.allOf(ItemKind.FACT), MAX_ITEMS)
        .stream().filter(f -> episodeIds.containsAll(f.sourceIds())
            || selector.ids().contains(f.id())).toList();
    List<String> factIds = facts.stream().map(MemoryItem::id).toList();
    if (episodeIds.isEmpty() && factIds.isEmpty()) {
      return new ForgetReport(dryRun, List.of(), List.of(), List.of(), List.of());
    }
    List<String> summaryIds = compact.covering(owner, sessions);
    if (dryRun) {
      List<String> previews = episodes.stream().map(e -> preview(e.text())).toList();
      return new ForgetReport(true, List.copyOf(episodeIds), factIds, summaryIds, previews);
    }
    List<String> doomed = new ArrayList<>(episodeIds);
    doomed.addAll(factIds);
    doomed.addAll(summaryIds);
    if (selector.all()) {
      store.deleteSubject(owner);
    } else {
      // Before the delete, so that the delete's purge also rewrites the keys' old versions.
      takeBackLentLines(owner, episodes, new LinkedHashSet<>(doomed));
      store.deleteItems(owner, doomed);
      reopenSuperseded(owner, factIds);
      compact.recreate(owner, sessions, !summaryIds.isEmpty());
    }
    audit.record(owner, AuditAction.FORGET, doomed, List.of(),
        (reason == null || reason.isBlank() ? "" : reason + "; ") + selector.describe());
    return new ForgetReport(false, List.copyOf(episodeIds), factIds, summaryIds, List.of());
  }

  private List<MemoryItem> episodes(SubjectRef owner, ForgetSelector selector) {
    ItemFilter evidence = ItemFilter.allOf(ItemKind.EPISODE, ItemKind.NOTE);
    if (!selector.ids().isEmpty()) {
      List<MemoryItem> found = new ArrayList<>();
      for (String id : new LinkedHashSet<>(selector.ids())) {
        store.get(owner, id).filter(evidence::accepts).ifPresent(found::add);
      }
      return found;
    }
    if (selector.session() != null) {
      return store.sessionRange(owner, selector.session(), 0, Long.MAX_VALUE).stream()
          .filter(evidence::accepts).toList();
    }
    List<MemoryItem> inRange = store.items(owner, evidence.withRange(selector.range()), MAX_ITEMS);
    if (selector.matching() == null) {
      return inRange;
    }
    Set<String> wanted = new LinkedHashSet<>(Terms.of(selector.matching()));
    if (wanted.isEmpty()) {
      return List.of();
    }
    return inRange.stream().filter(e -> Terms.of(e.text()).containsAll(wanted)).toList();
  }

  /**
   * Removes from the index keys of the remaining items of each session the lines that forgotten
   * episodes lent them ({@link RoundKey}): otherwise their words would stay searchable.
   */
  private void takeBackLentLines(SubjectRef owner, List<MemoryItem> forgotten,
      Set<String> doomed) {
    Map<String, List<String>> textsBySession = new LinkedHashMap<>();
    for (MemoryItem episode : forgotten) {
      textsBySession.computeIfAbsent(episode.session(), s -> new ArrayList<>())
          .add(episode.text());
    }
    Map<String, String> keys = new HashMap<>();
    textsBySession.forEach((session, texts) -> {
      for (MemoryItem item : store.sessionRange(owner, session, 0, Long.MAX_VALUE)) {
        if (doomed.contains(item.id())) {
          continue;
        }
        String key = item.key();
        for (String text : texts) {
          key = RoundKey.without(item.text(), key, text);
        }
        if (!key.equals(item.key())) {
          keys.put(item.id(), key);
        }
      }
    });
    if (!keys.isEmpty()) {
      store.update(owner, keys.keySet(), item -> item.withKey(keys.get(item.id())));
    }
  }

  /** An older fact closed by a now-deleted one is current again (it was the last true value). */
  private void reopenSuperseded(SubjectRef owner, List<String> deletedFacts) {
    if (deletedFacts.isEmpty()) {
      return;
    }
    List<String> reopen = store.items(owner, ItemFilter.allOf(ItemKind.FACT), MAX_ITEMS).stream()
        .filter(f -> deletedFacts.contains(f.lifecycle().supersededBy()))
        .map(MemoryItem::id).toList();
    store.update(owner, reopen, f -> f.withLifecycle(f.lifecycle().supersededAt(null, null)));
  }

  private static String preview(String text) {
    String flat = text.replace('\n', ' ');
    return flat.length() <= 80 ? flat : flat.substring(0, 80) + "…";
  }
}
