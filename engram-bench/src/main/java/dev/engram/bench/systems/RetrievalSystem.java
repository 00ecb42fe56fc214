package dev.engram.bench.systems;

import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.read.Context;
import java.util.List;

/**
 * A memory system under test: ranks a subject's items for a query and packs a context under a
 * token budget. The subject's items are already in the shared store when {@link #index} is called.
 *
 * <p>Implementations are not required to be thread-safe: a bench run uses one thread.
 */
public interface RetrievalSystem {

  /** The system's name in reports, e.g. {@code bm25}. */
  String name();

  /**
   * Builds whatever private index the system needs for {@code owner}, whose items are given in
   * timeline order; the default does nothing (systems that read the shared store need nothing).
   * Systems with a private index hold one subject at a time: indexing another replaces it.
   */
  default void index(SubjectRef owner, List<MemoryItem> items) {}

  /**
   * The subject's items best first, at most {@code depth}.
   *
   * @param depth at least 1
   */
  List<MemoryItem> rank(SubjectRef owner, String query, int depth);

  /**
   * A context of at most {@code budget} tokens for the query; empty (mode {@code EMPTY}) when the
   * system finds nothing.
   */
  Context pack(SubjectRef owner, String query, int budget);
}
