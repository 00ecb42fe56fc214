package dev.engram.bench.updates;

import dev.engram.Engram;
import dev.engram.embed.HashingEmbedder;
import dev.engram.lucene.LuceneMemoryStore;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.read.Candidate;
import dev.engram.read.RecallPipeline;
import dev.engram.read.RecallRequest;
import dev.engram.retain.RetentionPolicy;
import dev.engram.retain.TurnDecay;
import dev.engram.store.MemoryStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code engram bench prune}: the retention trade-off (research.md F3, HEMA's acceptance test:
 * recall latency down by at least 30% while recall@50 drops by at most 2 points). Builds a Lucene
 * store of {@code --items} generated episodes spread over a year, asks {@code --queries} questions
 * (each naming the distinctive words of one target episode), prunes to {@code --keep} hot
 * episodes with the default retention policy, and asks again.
 *
 * <p>Query model, stated plainly: targets are drawn with probability proportional to
 * {@code 2^(-age / 30 days)} (people ask about recent things, the assumption the retention
 * policy itself makes), and the uniform-target recall is reported too. Vectors come from a
 * 384-dimension hashing embedder so the run needs no model; latency is of
 * {@code RecallPipeline.candidates} (BM25 top 50 + HNSW top 50 + fusion), median and p95, after a
 * full warm-up pass over the same questions.
 */
@Command(name = "prune", mixinStandardHelpOptions = true,
    description = "Pruning trade-off at scale: recall latency and recall@50 before and after "
        + "moving low-priority episodes to the cold tier. Deterministic from --seed.")
public final class PruneBenchCommand implements Callable<Integer> {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private static final int VOCABULARY = 20_000;
  private static final SubjectRef OWNER = SubjectRef.of("bench");

  @Spec CommandSpec spec;

  @Option(names = "--items", defaultValue = "100000", paramLabel = "N",
      description = "Episodes (default: ${DEFAULT-VALUE}).")
  int items;

  @Option(names = "--keep", defaultValue = "0", paramLabel = "N",
      description = "Episodes kept hot (default: half of --items).")
  int keep;

  @Option(names = "--queries", defaultValue = "300", paramLabel = "N",
      description = "Questions (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S")
  long seed;

  @Option(names = "--decay", paramLabel = "C,O,I",
      description = "Per-turn salience decay of chit-chat, ordinary and instruction turns "
          + "(default: Engram's, 0.99,0.999,1; research.md's SirLLM rates are 0.7,0.9,1).")
  String decay;

  @Option(names = "--store-dir", paramLabel = "DIR",
      description = "Where the store is built (default: a temporary directory).")
  Path storeDir;

  @Override
  public Integer call() throws IOException {
    int hot = keep > 0 ? keep : items / 2;
    Path dir = storeDir != null ? storeDir : Files.createTempDirectory("engram-prune");
    Random random = new Random(seed);
    HashingEmbedder embedder = new HashingEmbedder(384);
    PrintWriter out = spec.commandLine().getOut();
    List<String> texts = new ArrayList<>(items);
    List<Instant> times = new ArrayList<>(items);
    try (MemoryStore store = LuceneMemoryStore.open(dir, embedder.info(), false)) {
      long build = System.nanoTime();
      List<MemoryItem> batch = new ArrayList<>();
      for (int i = 0; i < items; i++) {
        String text = text(random, i);
        Instant at = NOW.minus(Duration.ofMinutes((long) ((items - i) * (525_600.0 / items))));
        texts.add(text);
        times.add(at);
        batch.add(new MemoryItem("e" + i, OWNER, "s" + (i / 20), ItemKind.EPISODE, i % 20, i, at,
            at, text, text, List.of(), "h" + i, embedder.embedQuery(text)));
        if (batch.size() == 2000) {
          store.add(batch);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        store.add(batch);
      }
      out.printf(Locale.ROOT, "built %d items in %.0f s%n", items, (System.nanoTime() - build) / 1e9);
      int[] recent = targets(random, times, true);
      int[] uniform = targets(random, times, false);
      RecallPipeline pipeline = new RecallPipeline(store, embedder, Clock.fixed(NOW, ZoneOffset.UTC));
      measure(pipeline, texts, recent, uniform); // a full warm-up pass, so both sides run hot
      Measure before = measure(pipeline, texts, recent, uniform);
      long pruneStart = System.nanoTime();
      try (Engram engram = Engram.builder().store(store).embedder(embedder)
          .clock(Clock.fixed(NOW, ZoneOffset.UTC)).actor("bench-prune").build()) {
        engram.prune(OWNER.subject(), policy(hot), false);
      }
      double pruneSeconds = (System.nanoTime() - pruneStart) / 1e9;
      Measure after = measure(pipeline, texts, recent, uniform);
      double cut = 1 - after.medianMs / before.medianMs;
      out.printf(Locale.ROOT, "command: engram bench prune --items %d --keep %d --queries %d "
          + "--seed %d%s%n", items, hot, queries, seed, decay == null ? "" : " --decay " + decay);
      out.printf(Locale.ROOT, "before: median %.2f ms, p95 %.2f ms, recall@50 %.3f (recent-biased)"
          + ", %.3f (uniform)%n", before.medianMs, before.p95Ms, before.recallRecent,
          before.recallUniform);
      out.printf(Locale.ROOT, "after pruning to %d hot (%.0f s): median %.2f ms, p95 %.2f ms, "
          + "recall@50 %.3f (recent-biased), %.3f (uniform)%n", hot, pruneSeconds, after.medianMs,
          after.p95Ms, after.recallRecent, after.recallUniform);
      out.printf(Locale.ROOT, "latency cut %.1f%% (target >= 30%%), recall@50 drop %.1f points "
          + "(target <= 2)%n", 100 * cut, 100 * (before.recallRecent - after.recallRecent));
    } finally {
      if (storeDir == null) {
        try (var paths = Files.walk(dir)) {
          for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
    return 0;
  }

  private RetentionPolicy policy(int hot) {
    RetentionPolicy policy = RetentionPolicy.keeping(hot);
    return decay == null ? policy : policy.withDecay(TurnDecay.parse(decay));
  }

  private record Measure(double medianMs, double p95Ms, double recallRecent,
      double recallUniform) {}

  private Measure measure(RecallPipeline pipeline, List<String> texts, int[] recent,
      int[] uniform) {
    for (int i = 0; i < Math.min(20, recent.length); i++) {
      pipeline.candidates(OWNER, RecallRequest.of(query(texts.get(recent[i])))); // warm-up
    }
    double[] millis = new double[recent.length];
    int hitsRecent = 0;
    for (int i = 0; i < recent.length; i++) {
      long start = System.nanoTime();
      List<Candidate> found = pipeline.candidates(OWNER, RecallRequest.of(query(texts.get(
          recent[i]))));
      millis[i] = (System.nanoTime() - start) / 1e6;
      hitsRecent += within50(found, recent[i]) ? 1 : 0;
    }
    int hitsUniform = 0;
    for (int target : uniform) {
      hitsUniform += within50(pipeline.candidates(OWNER, RecallRequest.of(query(texts.get(
          target)))), target) ? 1 : 0;
    }
    Arrays.sort(millis);
    return new Measure(millis[millis.length / 2], millis[(int) (millis.length * 0.95)],
        (double) hitsRecent / recent.length, (double) hitsUniform / uniform.length);
  }

  private static boolean within50(List<Candidate> found, int target) {
    String id = "e" + target;
    return found.stream().limit(50).anyMatch(c -> c.item().id().equals(id));
  }

  private int[] targets(Random random, List<Instant> times, boolean recentBiased) {
    int[] out = new int[queries];
    for (int q = 0; q < queries; q++) {
      while (true) {
        int candidate = random.nextInt(times.size());
        double ageDays = Duration.between(times.get(candidate), NOW).toMinutes() / 1440.0;
        if (!recentBiased || random.nextDouble() < Math.pow(2, -ageDays / 30)) {
          out[q] = candidate;
          break;
        }
      }
    }
    return out;
  }

  /** Ten words from a Zipf-like vocabulary plus two rare ones that identify the episode. */
  private static String text(Random random, int i) {
    StringBuilder text = new StringBuilder("user: we talked about");
    for (int w = 0; w < 10; w++) {
      int rank = (int) Math.min(VOCABULARY - 1, Math.floor(Math.pow(VOCABULARY, random.nextDouble())));
      text.append(" w").append(rank);
    }
    text.append(" x").append(random.nextInt(200_000)).append(" y").append(random.nextInt(200_000));
    return text.append("\nassistant: noted.").toString();
  }

  /** A question naming the episode's two rare words and two of its common ones. */
  private static String query(String text) {
    String[] words = text.split("\\s+");
    return "what did we say about " + words[5] + " " + words[8] + " " + words[words.length - 4]
        + " " + words[words.length - 3];
  }
}
