package dev.engram.bench;

import dev.engram.embed.Embedder;
import dev.engram.model.SubjectRef;
import dev.engram.read.RecallPipeline;
import dev.engram.read.RecallRequest;
import dev.engram.store.MemoryStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Times Engram's recall (candidates and packing at the reader budget) per question, with the query
 * embedded by the uncached model and with a precomputed query vector, alternating the two. The
 * first haystack is preceded by untimed warm-up recalls (its questions in turn) so the JIT and the
 * model's session are warm: on two cores the JIT keeps compiling the recall path for the first
 * hundred or so recalls, and with 20 warm-up recalls those first haystacks held every sample of the
 * p99 (LongMemEval on Lucene: p99 42-62 ms over all samples, 21-25 ms without the first 20
 * haystacks; see docs/bench-notes.md, "Recall latency from run to run"). One thread.
 */
final class LatencySampler {
  private final Embedder raw;
  private final Embedder shared;
  private final int budget;
  private final int runs;
  private final int warmup;
  private boolean warm;

  /**
   * @param raw the uncached embedder (for "with embedding")
   * @param shared the embedder the store was filled with (to precompute query vectors)
   * @param runs timed recalls per question for each of the two figures
   * @param warmup untimed recalls, each with and without the query embedding, before the first
   *     timed one
   */
  LatencySampler(Embedder raw, Embedder shared, int budget, int runs, int warmup) {
    this.raw = raw;
    this.shared = shared;
    this.budget = budget;
    this.runs = runs;
    this.warmup = warmup;
  }

  void sample(MemoryStore store, SubjectRef owner, List<BenchCase> cases, SpeedLog log) {
    if (runs == 0 || cases.isEmpty()) {
      return;
    }
    Map<String, float[]> vectors = new HashMap<>();
    for (BenchCase c : cases) {
      vectors.put(c.question(), shared.embedQuery(c.question()));
    }
    RecallPipeline withEmbedding = new RecallPipeline(store, raw);
    RecallPipeline withoutEmbedding =
        new RecallPipeline(store, new FixedQueryEmbedder(shared, vectors));
    if (!warm) {
      for (int i = 0; i < warmup; i++) {
        String question = cases.get(i % cases.size()).question();
        withEmbedding.recall(owner, request(question));
        withoutEmbedding.recall(owner, request(question));
      }
      warm = true;
    }
    for (BenchCase c : cases) {
      for (int run = 0; run < runs; run++) {
        log.recallWithEmbeddingMillis.add(time(withEmbedding, owner, c.question()));
        log.recallWithoutEmbeddingMillis.add(time(withoutEmbedding, owner, c.question()));
        log.recallQuestions.add(c.id());
      }
    }
  }

  private double time(RecallPipeline pipeline, SubjectRef owner, String question) {
    RecallRequest request = request(question);
    long start = System.nanoTime();
    pipeline.recall(owner, request);
    return (System.nanoTime() - start) / 1e6;
  }

  private RecallRequest request(String question) {
    return RecallRequest.of(question).withBudget(budget);
  }
}
