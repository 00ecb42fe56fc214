package dev.engram.store;

import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.text.Terms;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The obviously-correct oracle for {@link RandomOperations}: the live items of each owner in plain
 * maps. It knows which items exist and in what order, not how a backend scores them.
 */
final class StoreModel {
  private final Map<SubjectRef, Map<String, MemoryItem>> live = new HashMap<>();

  void add(List<MemoryItem> items) {
    for (MemoryItem item : items) {
      live.computeIfAbsent(item.owner(), owner -> new LinkedHashMap<>()).put(item.id(), item);
    }
  }

  Map<String, MemoryItem> items(SubjectRef owner) {
    return live.getOrDefault(owner, Map.of());
  }

  int deleteItems(SubjectRef owner, Collection<String> ids) {
    Map<String, MemoryItem> items = live.getOrDefault(owner, new HashMap<>());
    int deleted = 0;
    for (String id : Set.copyOf(ids)) {
      deleted += items.remove(id) != null ? 1 : 0;
    }
    return deleted;
  }

  int deleteSession(SubjectRef owner, String session) {
    Map<String, MemoryItem> items = live.getOrDefault(owner, new HashMap<>());
    int before = items.size();
    items.values().removeIf(item -> item.session().equals(session));
    return before - items.size();
  }

  int deleteSubject(SubjectRef owner) {
    Map<String, MemoryItem> removed = live.remove(owner);
    return removed == null ? 0 : removed.size();
  }

  /** Ids of the owner's items from {@code fromSubjectSeq} on, in timeline order. */
  List<String> timeline(SubjectRef owner, long fromSubjectSeq, int limit) {
    return items(owner).values().stream()
        .filter(item -> item.subjectSeq() >= fromSubjectSeq)
        .sorted(Comparator.comparingLong(MemoryItem::subjectSeq)
            .thenComparingLong(MemoryItem::sessionSeq))
        .limit(limit).map(MemoryItem::id).toList();
  }

  /** Ids of the owner's items in the range whose key holds {@code word} (a term as analysed). */
  Set<String> containing(SubjectRef owner, String word, TimeRange range) {
    return inRange(owner, range).stream()
        .filter(id -> Terms.of(items(owner).get(id).key()).contains(word))
        .collect(Collectors.toSet());
  }

  Set<String> inRange(SubjectRef owner, TimeRange range) {
    return items(owner).values().stream().filter(item -> range.contains(item.eventTime()))
        .map(MemoryItem::id).collect(Collectors.toSet());
  }

  SubjectStats stats(SubjectRef owner) {
    Collection<MemoryItem> items = items(owner).values();
    if (items.isEmpty()) {
      return SubjectStats.EMPTY;
    }
    return new SubjectStats(items.size(), items.stream().mapToLong(MemoryItem::tokens).sum(),
        items.stream().mapToLong(MemoryItem::subjectSeq).max().orElseThrow());
  }

  List<String> subjects(String tenant) {
    return List.copyOf(live.entrySet().stream()
        .filter(entry -> entry.getKey().tenant().equals(tenant) && !entry.getValue().isEmpty())
        .map(entry -> entry.getKey().subject()).collect(Collectors.toCollection(TreeSet::new)));
  }

  long itemCount() {
    return live.values().stream().mapToLong(Map::size).sum();
  }

  long subjectCount() {
    return live.values().stream().filter(items -> !items.isEmpty()).count();
  }
}
