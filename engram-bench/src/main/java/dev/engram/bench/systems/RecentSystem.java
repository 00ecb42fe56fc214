package dev.engram.bench.systems;

import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.read.Context;
import dev.engram.store.MemoryStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * No retrieval: the whole history, newest first, cut to the budget, which is what a message-window
 * memory gives an LLM. Its "ranking" ignores the query and is simply newest first.
 */
public final class RecentSystem implements RetrievalSystem {
  private final MemoryStore store;

  public RecentSystem(MemoryStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return "recent";
  }

  @Override
  public List<MemoryItem> rank(SubjectRef owner, String query, int depth) {
    List<MemoryItem> newest = newestFirst(owner);
    return newest.subList(0, Math.min(depth, newest.size()));
  }

  @Override
  public Context pack(SubjectRef owner, String query, int budget) {
    return BudgetPacker.window(query, newestFirst(owner), budget);
  }

  private List<MemoryItem> newestFirst(SubjectRef owner) {
    dev.engram.store.ItemFilter episodes = dev.engram.store.ItemFilter.allOf(
        dev.engram.model.ItemKind.EPISODE, dev.engram.model.ItemKind.NOTE);
    long count = store.subjectStats(owner, episodes).items();
    if (count == 0) {
      return List.of();
    }
    List<MemoryItem> all =
        new ArrayList<>(store.items(owner, episodes, (int) Math.min(count, 1_000_000)));
    Collections.reverse(all);
    return all;
  }
}
