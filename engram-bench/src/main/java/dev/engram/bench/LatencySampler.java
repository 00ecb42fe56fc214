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
 * embedded by the uncached model and with a precomputed query vector, alternating the two.
 *
 * <p>The run's first pairs of recalls are a warm-up and go untimed: they are taken haystack by
 * haystack like the timed ones, so the JIT has compiled the recall path against several fresh
 * stores before timing starts. On two cores it keeps compiling for a while after a new store is
 * filled: with the warm-up spent on the first haystack alone (200 pairs), LongMemEval on Lucene
 * still had its ten slowest samples in the next five haystacks in two runs of three (see
 * docs/bench-notes.md, "Recall latency from run to run"). One thread.
 */
final class LatencySampler {
  private final Embedder raw;
  private final Embedder shared;
  private final int budget;
  private final int runs;
  private int untimedLeft;

  /**
   * @param raw the uncached embedder (for "with embedding")
   * @param shared the embedder the store was filled with (to precompute query vectors)
   * @param runs timed recalls per question for each of the two figures
   * @param warmup pairs of recalls (with and without the query embedding) left untimed at the
   *     start of the run; at most half of the run's pairs are, so a small run still gets samples
   * @param questions the questions of the whole run
   */
  LatencySampler(Embedder raw, Embedder shared, int budget, int runs, int warmup,
      int questions) {
    this.raw = raw;
    this.shared = shared;
    this.budget = budget;
    this.runs = runs;
    this.untimedLeft = (int) Math.min(warmup, (long) questions * runs / 2);
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
    for (BenchCase c : cases) {
      for (int run = 0; run < runs; run++) {
        if (untimedLeft > 0) {
          untimedLeft--;
          withEmbedding.recall(owner, request(c.question()));
          withoutEmbedding.recall(owner, request(c.question()));
          continue;
        }
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
