package dev.engram.solr;

import dev.engram.Engram;
import dev.engram.datasets.LongMemEvalItem;
import dev.engram.datasets.LongMemEvalReader;
import dev.engram.embed.HashingEmbedder;
import dev.engram.lucene.LuceneMemoryStore;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.store.MemoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Manual benchmark (not a test; never run by the build): recall latency of the SolrCloud store on
 * a 2-node in-JVM cluster against the embedded Lucene store, in the same run, on (1) one
 * LongMemEval_S haystack and (2) 100k+ synthetic items. Both stores sit behind the same
 * {@link Engram} recall pipeline with the same {@link HashingEmbedder}; queries alternate between
 * the stores so machine noise hits both alike. See docs/solr.md for the command.
 *
 * <p>Arguments: the LongMemEval_S file, the synthetic item count (default 100000).
 */
public final class SolrRecallBenchmark {
  private static final HashingEmbedder EMBEDDER = new HashingEmbedder(256);
  private static final int WARMUP = 20;

  private SolrRecallBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int scaleItems = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path root = Files.createTempDirectory("engram-solr-bench");
    System.out.println("| run | store | items | ingest s | recall p50 ms | recall p99 ms | mean ms | queries |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    longMemEval(data, root);
    scale(scaleItems, root);
    System.exit(0); // the cluster's threads end with the JVM
  }

  private static void longMemEval(Path data, Path root) throws Exception {
    List<LongMemEvalItem> items = LongMemEvalReader.readAll(data, 60);
    LongMemEvalItem haystack = items.get(0);
    List<String> queries = items.stream().map(LongMemEvalItem::question).toList();
    try (MemoryStore luceneStore = LuceneMemoryStore.open(root.resolve("lme-lucene"),
            EMBEDDER.info(), false);
        MemoryStore solrStore = SolrMemoryStore.open(SolrTestCluster.collection("bench_lme",
            EMBEDDER.info(), 2, 2), EMBEDDER.info(), false);
        Engram lucene = Engram.builder().store(luceneStore).embedder(EMBEDDER).build();
        Engram solr = Engram.builder().store(solrStore).embedder(EMBEDDER).build()) {
      double luceneIngest = ingest(lucene, haystack.sessions());
      double solrIngest = ingest(solr, haystack.sessions());
      long[][] latencies = measure(lucene, solr, List.of("user"), queries, 4);
      String run = "LongMemEval_S " + haystack.questionId() + " (" + haystack.sessions().size()
          + " sessions)";
      row(run, "lucene (embedded)", lucene.stats().items(), luceneIngest, latencies[0]);
      row(run, "solr 2 shards x 2 replicas", solr.stats().items(), solrIngest, latencies[1]);
    }
  }

  private static double ingest(Engram engram, List<Session> sessions) {
    long start = System.nanoTime();
    for (Session session : sessions) {
      engram.remember("user", session);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static void scale(int total, Path root) throws Exception {
    int subjects = 100;
    SplittableRandom random = new SplittableRandom(42);
    String[] words = ("kayak river garden violin copper tiger lemon harbor pencil meadow rocket "
        + "walnut glacier falcon oyster canyon velvet pepper cobalt lantern orchard bakery "
        + "thunder saddle mirror ticket castle pillow spider candle marble ribbon anchor "
        + "compass ladder feather blanket cactus dragon engine forest guitar island jacket "
        + "kettle magnet needle ocean parrot quartz rabbit shovel tunnel umbrella wagon yacht "
        + "zebra album bridge cookie dentist eagle fossil goblet hammer igloo jigsaw koala").split(" ");
    try (MemoryStore luceneStore = LuceneMemoryStore.open(root.resolve("scale-lucene"),
            EMBEDDER.info(), false);
        MemoryStore solrStore = SolrMemoryStore.open(SolrTestCluster.collection("bench_scale",
            EMBEDDER.info(), 2, 1), EMBEDDER.info(), false)) {
      double luceneIngest = 0;
      double solrIngest = 0;
      Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
      int batch = 2000;
      for (int from = 0; from < total; from += batch) {
        List<MemoryItem> items = new ArrayList<>(batch);
        for (int i = from; i < Math.min(total, from + batch); i++) {
          SubjectRef owner = new SubjectRef("bench", "s" + (i % subjects));
          String text = sentence(random, words, 14);
          long seq = i / subjects;
          items.add(new MemoryItem("i" + i, owner, "sess" + (seq / 20), ItemKind.EPISODE,
              seq % 20, seq, t0.plus(Duration.ofMinutes(i)), t0, text, text, List.of(),
              "h" + i, EMBEDDER.embedQuery(text)));
        }
        long start = System.nanoTime();
        luceneStore.add(items);
        luceneIngest += (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        solrStore.add(items);
        solrIngest += (System.nanoTime() - start) / 1e9;
      }
      try (Engram lucene = Engram.builder().store(luceneStore).embedder(EMBEDDER)
              .tenant("bench").build();
          Engram solr = Engram.builder().store(solrStore).embedder(EMBEDDER).tenant("bench")
              .build()) {
        List<String> queries = new ArrayList<>();
        for (int q = 0; q < 300; q++) {
          queries.add(sentence(random, words, 4));
        }
        List<String> owners = new ArrayList<>();
        for (int s = 0; s < subjects; s++) {
          owners.add("s" + s);
        }
        long[][] latencies = measure(lucene, solr, owners, queries, 1);
        String run = "synthetic " + total + " items, " + subjects + " subjects";
        row(run, "lucene (embedded)", lucene.stats().items(), luceneIngest, latencies[0]);
        row(run, "solr 2 shards x 1 replica", solr.stats().items(), solrIngest, latencies[1]);
      }
    }
  }

  /** Recall latencies in nanoseconds, [0] for the first engram, [1] for the second. */
  private static long[][] measure(Engram first, Engram second, List<String> subjects,
      List<String> queries, int rounds) {
    List<Long> a = new ArrayList<>();
    List<Long> b = new ArrayList<>();
    int n = 0;
    for (int round = 0; round < rounds; round++) {
      for (String query : queries) {
        String subject = subjects.get(n % subjects.size());
        long t1 = timed(first, subject, query);
        long t2 = timed(second, subject, query);
        if (n++ >= WARMUP) {
          a.add(t1);
          b.add(t2);
        }
      }
    }
    return new long[][] {a.stream().mapToLong(Long::longValue).toArray(),
        b.stream().mapToLong(Long::longValue).toArray()};
  }

  private static long timed(Engram engram, String subject, String query) {
    long start = System.nanoTime();
    engram.recall(subject, query);
    return System.nanoTime() - start;
  }

  private static void row(String run, String store, long items, double ingestSeconds,
      long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    System.out.printf(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %d |%n", run,
        store, items, ingestSeconds, percentile(sorted, 0.50), percentile(sorted, 0.99), mean,
        sorted.length);
  }

  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private static String sentence(SplittableRandom random, String[] words, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
    }
    return out.toString();
  }
}
