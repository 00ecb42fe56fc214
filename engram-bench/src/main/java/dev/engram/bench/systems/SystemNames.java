package dev.engram.bench.systems;

import dev.engram.embed.Embedder;
import dev.engram.store.MemoryStore;
import java.util.ArrayList;
import java.util.List;

/** The systems a run may compare, by name, and how to build them over one store. */
public final class SystemNames {
  /** Every system, in report order: Engram first, then the baselines. */
  public static final List<String> ALL = List.of("engram", "bm25", "vector", "recent", "langchain4j");

  private SystemNames() {}

  /**
   * Checks a list of names against {@link #ALL}.
   *
   * @return the names in {@link #ALL}'s order, each once
   * @throws IllegalArgumentException naming the unknown name and the known ones
   */
  public static List<String> check(List<String> names) {
    for (String name : names) {
      if (!ALL.contains(name)) {
        throw new IllegalArgumentException(
            "unknown system '" + name + "'; choose from " + String.join(",", ALL));
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("systems must not be empty");
    }
    return ALL.stream().filter(names::contains).toList();
  }

  /**
   * The named systems over {@code store} and {@code embedder}.
   *
   * @param packDepth how many ranked items the baselines' packers may draw from
   */
  public static List<RetrievalSystem> create(
      List<String> names, MemoryStore store, Embedder embedder, int packDepth) {
    return create(names, store, embedder, packDepth, java.time.Clock.systemUTC());
  }

  /** As above, with Engram reading "last week" in questions against {@code clock}. */
  public static List<RetrievalSystem> create(List<String> names, MemoryStore store,
      Embedder embedder, int packDepth, java.time.Clock clock) {
    List<RetrievalSystem> systems = new ArrayList<>();
    for (String name : check(names)) {
      systems.add(switch (name) {
        case "engram" -> new EngramSystem(store, embedder, clock);
        case "bm25" -> new Bm25System(packDepth);
        case "vector" -> new VectorSystem(embedder, packDepth);
        case "recent" -> new RecentSystem(store);
        case "langchain4j" -> new LangChain4jSystem(embedder, packDepth);
        default -> throw new IllegalStateException("unhandled system " + name);
      });
    }
    return systems;
  }
}
