package dev.engram.retain;

import dev.engram.model.ItemKind;
import dev.engram.model.SubjectRef;
import dev.engram.read.PackedItem;
import dev.engram.store.MemoryStore;
import dev.engram.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts how often recall ranks each episode among its best hits, the access term of retention
 * priority (research.md F3), without turning every read into a write: counts collect in memory
 * and reach the store in one batch per subject ({@link MemoryStore#update}) when enough have piled
 * up, before pruning, and when the memory closes.
 *
 * <p>Access counts are advisory: a store that refuses the update (opened read-only, say) stops
 * the tracking instead of failing a recall, and counts pending at a crash are lost. Thread-safe.
 */
public final class AccessTracker {
  /** Pending accesses that make a flush due. */
  public static final int FLUSH_AT = 512;
  /** Hits at this rank or better count as an access. */
  public static final int COUNTED_RANKS = 10;

  private final Map<SubjectRef, Map<String, Integer>> pending = new HashMap<>();
  private final Map<SubjectRef, Instant> lastAccess = new HashMap<>();
  private int size;
  private boolean enabled;

  /** A tracker that records when {@code enabled} (false for a read-only memory). */
  public AccessTracker(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Notes one access at {@code at} of each episode among {@code packed} that recall ranked as one
   * of its best {@value #COUNTED_RANKS} hits. Neighbours, filler further down and whole-memory
   * packs are not counted: they say nothing about use, and counting them made every recall a
   * write (at 200k items the flushes put recall p99 at 814 ms against 96 ms without them,
   * docs/bench-notes.md).
   */
  public synchronized void record(SubjectRef owner, List<PackedItem> packed, Instant at) {
    if (!enabled) {
      return;
    }
    for (PackedItem p : packed) {
      if (p.item().kind() == ItemKind.EPISODE && p.reason() == PackedItem.Reason.HIT
          && p.rank() <= COUNTED_RANKS) {
        pending.computeIfAbsent(owner, o -> new HashMap<>()).merge(p.item().id(), 1, Integer::sum);
        size++;
      }
    }
    lastAccess.put(owner, at);
  }

  /** Whether enough accesses are pending to write them. */
  public synchronized boolean due() {
    return size >= FLUSH_AT;
  }

  /** Pending accesses (for tests and stats). */
  public synchronized int pending() {
    return size;
  }

  /**
   * Writes the pending counts to {@code store}, one update per subject and count; call it under
   * the memory's write lock. A store that refuses the write disables the tracker.
   */
  public synchronized void flush(MemoryStore store) {
    if (size == 0) {
      return;
    }
    try {
      for (Map.Entry<SubjectRef, Map<String, Integer>> subject : pending.entrySet()) {
        Instant at = lastAccess.get(subject.getKey());
        Map<Integer, List<String>> byCount = new HashMap<>();
        subject.getValue().forEach((id, n) -> byCount.computeIfAbsent(n, k -> new ArrayList<>()).add(id));
        for (Map.Entry<Integer, List<String>> group : byCount.entrySet()) {
          int times = group.getKey();
          store.update(subject.getKey(), group.getValue(), item -> {
            var lifecycle = item.lifecycle();
            for (int i = 0; i < times; i++) {
              lifecycle = lifecycle.accessed(at);
            }
            return item.withLifecycle(lifecycle);
          });
        }
      }
    } catch (StoreException | UnsupportedOperationException e) {
      enabled = false; // a read-only store: reads go on, untracked
    } finally {
      pending.clear();
      lastAccess.clear();
      size = 0;
    }
  }
}
