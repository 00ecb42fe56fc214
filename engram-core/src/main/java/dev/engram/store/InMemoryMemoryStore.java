package dev.engram.store;

import dev.engram.embed.EmbedderInfo;
import dev.engram.embed.Vectors;
import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.model.SubjectRef;
import dev.engram.model.Tier;
import dev.engram.text.Terms;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A memory-only, exact {@link MemoryStore}: an exact cosine scan for vectors and a plain BM25
 * ({@code k1 = 1.2, b = 0.75}, over {@link Terms#of} of each key, statistics per subject) for text.
 * It is the reference the contract suite holds every store to, and the store of fast tests.
 *
 * <p>Nothing survives the process ({@link StoreStats#bytesOnDisk()} is 0), so "durable on return"
 * means visible to every later call. Thread-safe: reads share a lock, writes take it exclusively.
 */
public final class InMemoryMemoryStore implements MemoryStore {
  private static final double K1 = 1.2;
  private static final double B = 0.75;
  private static final Comparator<ScoredItem> BEST_FIRST =
      Comparator.comparingDouble(ScoredItem::score).reversed()
          .thenComparing(hit -> hit.item(), MemoryItem.TIMELINE);

  private final StoreInfo info;
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<SubjectRef, SubjectMemory> memories = new HashMap<>();
  private final Map<SubjectRef, List<AuditEvent>> audits = new HashMap<>();
  private boolean closed;

  /** An empty store for vectors of {@code embedder}. */
  public InMemoryMemoryStore(EmbedderInfo embedder) {
    this.info = new StoreInfo("memory", 1, Require.nonNull(embedder, "embedder"));
  }

  @Override
  public StoreInfo info() {
    return info;
  }

  @Override
  public void add(List<MemoryItem> items) {
    Require.nonNull(items, "items");
    List<MemoryItem> copies = new ArrayList<>(items.size());
    for (MemoryItem item : items) {
      copies.add(checkedCopy(item));
    }
    write(() -> {
      for (MemoryItem item : copies) {
        memories.computeIfAbsent(item.owner(), owner -> new SubjectMemory()).put(item);
      }
      return null;
    });
  }

  private MemoryItem checkedCopy(MemoryItem item) {
    StoreArguments.requireEmbedding(info, item);
    return item.withEmbedding(item.embedding().clone());
  }

  @Override
  public Optional<MemoryItem> get(SubjectRef owner, String id) {
    Require.nonNull(id, "id");
    return read(() -> Optional.ofNullable(memory(owner).items.get(id))
        .map(MemoryItem::withoutEmbedding));
  }

  @Override
  public boolean containsHash(SubjectRef owner, String contentHash) {
    Require.nonNull(contentHash, "contentHash");
    return read(() -> memory(owner).items.values().stream()
        .anyMatch(item -> item.contentHash().equals(contentHash)));
  }

  @Override
  public List<MemoryItem> timeline(SubjectRef owner, long fromSubjectSeq, int limit) {
    StoreArguments.requireLimit(limit);
    return read(() -> memory(owner).items.values().stream()
        .filter(item -> item.subjectSeq() >= fromSubjectSeq)
        .sorted(MemoryItem.TIMELINE).limit(limit).map(MemoryItem::withoutEmbedding).toList());
  }

  @Override
  public List<MemoryItem> sessionRange(SubjectRef owner, String session, long fromSeq, long toSeq) {
    Require.nonNull(session, "session");
    return read(() -> memory(owner).items.values().stream()
        .filter(item -> item.session().equals(session))
        .filter(item -> item.sessionSeq() >= fromSeq && item.sessionSeq() <= toSeq)
        .sorted(Comparator.comparingLong(MemoryItem::sessionSeq).thenComparing(MemoryItem.TIMELINE))
        .map(MemoryItem::withoutEmbedding).toList());
  }

  @Override
  public long lastSessionSeq(SubjectRef owner, String session) {
    Require.nonNull(session, "session");
    return read(() -> memory(owner).items.values().stream()
        .filter(item -> item.session().equals(session))
        .mapToLong(MemoryItem::sessionSeq).max().orElse(-1));
  }

  @Override
  public List<ScoredItem> searchText(
      SubjectRef owner, String query, int limit, ItemFilter filter) {
    StoreArguments.requireLimit(limit);
    Require.nonNull(filter, "filter");
    Require.nonNull(query, "query");
    List<String> terms = List.copyOf(new LinkedHashSet<>(Terms.of(query)));
    return read(() -> {
      SubjectMemory memory = memory(owner);
      List<ScoredItem> hits = new ArrayList<>();
      for (MemoryItem item : memory.items.values()) {
        double score = memory.bm25(item.id(), terms);
        if (score > 0 && searchable(item, filter)) {
          hits.add(new ScoredItem(item.withoutEmbedding(), score));
        }
      }
      return best(hits, limit);
    });
  }

  @Override
  public List<ScoredItem> searchVector(
      SubjectRef owner, float[] vector, int limit, ItemFilter filter) {
    StoreArguments.requireLimit(limit);
    Require.nonNull(filter, "filter");
    StoreArguments.requireQueryDimension(info, vector);
    return read(() -> {
      List<ScoredItem> hits = new ArrayList<>();
      for (MemoryItem item : memory(owner).items.values()) {
        if (searchable(item, filter)) {
          hits.add(new ScoredItem(item.withoutEmbedding(), Vectors.dot(vector, item.embedding())));
        }
      }
      return best(hits, limit);
    });
  }

  @Override
  public List<MemoryItem> items(SubjectRef owner, ItemFilter filter, int limit) {
    StoreArguments.requireLimit(limit);
    Require.nonNull(filter, "filter");
    return read(() -> memory(owner).items.values().stream().filter(filter::accepts)
        .sorted(MemoryItem.TIMELINE).limit(limit).map(MemoryItem::withoutEmbedding).toList());
  }

  @Override
  public int update(SubjectRef owner, Collection<String> ids, UnaryOperator<MemoryItem> change) {
    Require.nonNull(owner, "owner");
    Require.nonNull(ids, "ids");
    Require.nonNull(change, "change");
    return write(() -> {
      SubjectMemory memory = memories.get(owner);
      if (memory == null) {
        return 0;
      }
      List<MemoryItem> changed = new ArrayList<>();
      for (String id : new LinkedHashSet<>(ids)) {
        MemoryItem old = memory.items.get(id);
        if (old != null) {
          MemoryItem next = change.apply(old.withoutEmbedding());
          requireSameIdentity(old, next);
          changed.add(next.embedding() == null ? next.withEmbedding(old.embedding())
              : checkedCopy(next));
        }
      }
      changed.forEach(memory::put);
      return changed.size();
    });
  }

  /** Throws unless {@code next} is a new version of {@code old} (same id and owner). */
  static void requireSameIdentity(MemoryItem old, MemoryItem next) {
    if (next == null) {
      throw new IllegalArgumentException("update of item " + old.id() + " returned null");
    }
    if (!next.id().equals(old.id()) || !next.owner().equals(old.owner())) {
      throw new IllegalArgumentException("update must keep the id and owner of item " + old.id()
          + ", returned " + next.id() + " of " + next.owner());
    }
  }

  @Override
  public AuditEvent appendAudit(AuditEvent event) {
    Require.nonNull(event, "event");
    if (event.version() != AuditEvent.UNASSIGNED) {
      throw new IllegalArgumentException(
          "event must not have a version yet, had " + event.version());
    }
    return write(() -> {
      List<AuditEvent> log = audits.computeIfAbsent(event.owner(), owner -> new ArrayList<>());
      AuditEvent stored = event.withVersion(log.size() + 1L);
      log.add(stored);
      return stored;
    });
  }

  @Override
  public List<AuditEvent> audit(SubjectRef owner, long fromVersion, int limit) {
    Require.nonNull(owner, "owner");
    StoreArguments.requireLimit(limit);
    return read(() -> audits.getOrDefault(owner, List.of()).stream()
        .filter(event -> event.version() >= fromVersion).limit(limit).toList());
  }

  @Override
  public SubjectStats subjectStats(SubjectRef owner) {
    return subjectStats(owner, ItemFilter.ANY);
  }

  @Override
  public SubjectStats subjectStats(SubjectRef owner, ItemFilter filter) {
    Require.nonNull(filter, "filter");
    return read(() -> {
      List<MemoryItem> items = memory(owner).items.values().stream().filter(filter::accepts)
          .toList();
      if (items.isEmpty()) {
        return SubjectStats.EMPTY;
      }
      long tokens = items.stream().mapToLong(MemoryItem::tokens).sum();
      long last = items.stream().mapToLong(MemoryItem::subjectSeq).max().orElse(-1);
      return new SubjectStats(items.size(), tokens, last);
    });
  }

  @Override
  public List<String> subjects(String tenant) {
    Require.nonNull(tenant, "tenant");
    return read(() -> {
      TreeSet<String> names = new TreeSet<>();
      memories.forEach((owner, memory) -> {
        if (owner.tenant().equals(tenant)) {
          names.add(owner.subject());
        }
      });
      return List.copyOf(names);
    });
  }

  @Override
  public int deleteItems(SubjectRef owner, Collection<String> ids) {
    Require.nonNull(ids, "ids");
    Require.nonNull(owner, "owner");
    return write(() -> {
      SubjectMemory memory = memories.get(owner);
      int deleted = 0;
      for (String id : new LinkedHashSet<>(ids)) {
        deleted += memory != null && memory.remove(id) ? 1 : 0;
      }
      dropIfEmpty(owner);
      return deleted;
    });
  }

  @Override
  public int deleteSession(SubjectRef owner, String session) {
    Require.nonNull(session, "session");
    Require.nonNull(owner, "owner");
    return write(() -> {
      SubjectMemory memory = memories.get(owner);
      if (memory == null) {
        return 0;
      }
      List<String> ids = memory.items.values().stream()
          .filter(item -> item.session().equals(session)).map(MemoryItem::id).toList();
      ids.forEach(memory::remove);
      dropIfEmpty(owner);
      return ids.size();
    });
  }

  @Override
  public int deleteSubject(SubjectRef owner) {
    Require.nonNull(owner, "owner");
    return write(() -> {
      SubjectMemory memory = memories.remove(owner);
      return memory == null ? 0 : memory.items.size();
    });
  }

  @Override
  public StoreStats stats() {
    return read(() -> {
      long items = 0;
      long subjects = 0;
      for (SubjectMemory memory : memories.values()) {
        items += memory.items.size();
        subjects++;
      }
      return new StoreStats(items, subjects, 0);
    });
  }

  /** Drops all items; idempotent. */
  @Override
  public void close() {
    Lock writeLock = lock.writeLock();
    writeLock.lock();
    try {
      closed = true;
      memories.clear();
      audits.clear();
    } finally {
      writeLock.unlock();
    }
  }

  private static boolean searchable(MemoryItem item, ItemFilter filter) {
    return item.lifecycle().tier() == Tier.HOT && filter.accepts(item);
  }

  private SubjectMemory memory(SubjectRef owner) {
    Require.nonNull(owner, "owner");
    return memories.getOrDefault(owner, SubjectMemory.EMPTY);
  }

  private void dropIfEmpty(SubjectRef owner) {
    memories.computeIfPresent(owner, (key, memory) -> memory.items.isEmpty() ? null : memory);
  }



  private static List<ScoredItem> best(List<ScoredItem> hits, int limit) {
    return hits.stream().sorted(BEST_FIRST).limit(limit).toList();
  }

  private <T> T read(Supplier<T> action) {
    return locked(lock.readLock(), action);
  }

  private <T> T write(Supplier<T> action) {
    return locked(lock.writeLock(), action);
  }

  private <T> T locked(Lock held, Supplier<T> action) {
    held.lock();
    try {
      if (closed) {
        throw new IllegalStateException("store is closed");
      }
      return action.get();
    } finally {
      held.unlock();
    }
  }

  /** One subject's items by id and its BM25 statistics (postings of analysed key terms). */
  private static final class SubjectMemory {
    static final SubjectMemory EMPTY = new SubjectMemory();

    final Map<String, MemoryItem> items = new HashMap<>();
    final Map<String, Map<String, Integer>> postings = new HashMap<>();
    final Map<String, Integer> lengths = new HashMap<>();
    long totalLength;

    void put(MemoryItem item) {
      remove(item.id());
      items.put(item.id(), item);
      List<String> terms = Terms.of(item.key());
      for (String term : terms) {
        postings.computeIfAbsent(term, t -> new HashMap<>()).merge(item.id(), 1, Integer::sum);
      }
      lengths.put(item.id(), terms.size());
      totalLength += terms.size();
    }

    boolean remove(String id) {
      MemoryItem old = items.remove(id);
      if (old == null) {
        return false;
      }
      for (String term : Terms.of(old.key())) {
        Map<String, Integer> docs = postings.get(term);
        if (docs != null && docs.remove(id) != null && docs.isEmpty()) {
          postings.remove(term);
        }
      }
      totalLength -= lengths.remove(id);
      return true;
    }

    /** Lucene's BM25 formula: idf = ln(1 + (N - df + 0.5) / (df + 0.5)). */
    double bm25(String id, List<String> queryTerms) {
      double avgLength = (double) totalLength / items.size();
      double norm = K1 * (1 - B + B * lengths.get(id) / Math.max(avgLength, 1e-9));
      double score = 0;
      for (String term : queryTerms) {
        Map<String, Integer> docs = postings.getOrDefault(term, Map.of());
        Integer tf = docs.get(id);
        if (tf != null) {
          double idf = Math.log(1 + (items.size() - docs.size() + 0.5) / (docs.size() + 0.5));
          score += idf * tf * (K1 + 1) / (tf + norm);
        }
      }
      return score;
    }
  }
}
