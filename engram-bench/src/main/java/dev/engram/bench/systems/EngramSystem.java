package dev.engram.bench.systems;

import dev.engram.embed.Embedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.read.Candidate;
import dev.engram.read.Context;
import dev.engram.read.RecallPipeline;
import dev.engram.read.RecallRequest;
import dev.engram.store.MemoryStore;
import java.util.List;

/**
 * Engram's full read path with its defaults: {@link RecallPipeline#candidates} (BM25 and vector
 * fused by reciprocal rank) for the ranking, {@link RecallPipeline#recall} for the packed context
 * (whole memory when it fits, near-duplicates dropped, neighbours, edges-first order).
 */
public final class EngramSystem implements RetrievalSystem {
  private final RecallPipeline pipeline;

  public EngramSystem(MemoryStore store, Embedder embedder) {
    this(store, embedder, java.time.Clock.systemUTC());
  }

  /** Engram reading relative times in questions against {@code clock} (the question date). */
  public EngramSystem(MemoryStore store, Embedder embedder, java.time.Clock clock) {
    this.pipeline = new RecallPipeline(store, embedder, clock);
  }

  @Override
  public String name() {
    return "engram";
  }

  @Override
  public List<MemoryItem> rank(SubjectRef owner, String query, int depth) {
    List<Candidate> candidates = pipeline.candidates(owner, RecallRequest.of(query));
    return candidates.stream().limit(depth).map(Candidate::item).toList();
  }

  @Override
  public Context pack(SubjectRef owner, String query, int budget) {
    return pipeline.recall(owner, RecallRequest.of(query).withBudget(budget));
  }
}
