package dev.engram.onnx;

import dev.engram.embed.Embedder;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Embedding throughput of {@link OnnxEmbedder} with 1 and 2 threads (and with 2 threads but no
 * token cap per batch) against LangChain4j's own bge-small-q model, on ~20-word sentences and
 * ~400-word passages (LongMemEval rounds are that long). A measurement to run by hand, not a
 * test: timings on a shared machine are not asserts.
 *
 * <pre>
 * cd /work/main && mvn -o -q -B -pl engram-onnx -am test-compile
 * mvn -o -q -B -pl engram-onnx -am dependency:build-classpath -Dmdep.outputFile=/tmp/onnx-cp.txt
 * java -cp engram-onnx/target/test-classes:engram-onnx/target/classes:$(cat /tmp/onnx-cp.txt) \
 *     dev.engram.onnx.EmbedderThroughput [sentences=2000] [passages=200]
 * </pre>
 */
public final class EmbedderThroughput {
  private static final String[] WORDS = ("the a my our your we they she he it was is will had "
      + "went saw bought cooked read visited called moved planned finished started liked asked "
      + "yesterday today tomorrow last next week month year morning evening weekend holiday "
      + "dog cat sister brother friend doctor neighbour manager teacher garden kitchen office "
      + "car bike train flight hotel beach mountain city village market restaurant museum "
      + "book recipe project meeting budget report appointment concert movie game race "
      + "new old small big quiet busy early late happy tired cheap expensive red blue "
      + "and but because so then after before with without about for from into at on")
      .split(" ");
  private static final int WARM_UP = 64;
  // The machine is often shared: CPU time per text stays comparable when wall time does not.
  private static final OperatingSystemMXBean CPU =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private EmbedderThroughput() {}

  public static void main(String[] args) {
    int sentences = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int passages = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Random random = new Random(42);
    List<String> shortTexts = texts(random, sentences, 20);
    List<String> longTexts = texts(random, passages, 400);
    System.out.printf("%d cores, Java %s; cpu rate = texts per CPU-second of this process%n",
        Runtime.getRuntime().availableProcessors(), Runtime.version());
    try (Embedder one = OnnxEmbedder.builder().threads(1).build();
        Embedder two = OnnxEmbedder.builder().threads(2).build();
        Embedder uncapped = OnnxEmbedder.builder().threads(2).maxBatchTokens(1 << 20).build()) {
      EmbeddingModel langChain = new BgeSmallEnV15QuantizedEmbeddingModel();
      for (List<String> texts : List.of(shortTexts, longTexts)) {
        String workload = texts == shortTexts ? "20 words" : "400 words";
        double base = rate(workload, "LangChain4j embedAll", texts,
            batch -> langChain.embedAll(batch.stream().map(TextSegment::from).toList()));
        double rateOne = rate(workload, "OnnxEmbedder 1 thread", texts, one::embed);
        double rateTwo = rate(workload, "OnnxEmbedder 2 threads", texts, two::embed);
        rate(workload, "2 threads, no token cap", texts, uncapped::embed);
        System.out.printf("%-9s wall ratio vs LangChain4j: 1 thread %.2fx, 2 threads %.2fx%n",
            workload, rateOne / base, rateTwo / base);
      }
      queryLatency(two, shortTexts);
    }
  }

  /** Texts of {@code words} words drawn from a fixed list, the same for the same seed. */
  static List<String> texts(Random random, int count, int words) {
    List<String> texts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < words; w++) {
        text.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
      }
      texts.add(text.append('.').toString());
    }
    return texts;
  }

  /** Wall-clock texts per second of one call over all {@code texts}, after a warm-up call. */
  private static double rate(String workload, String name, List<String> texts,
      Consumer<List<String>> embedAll) {
    embedAll.accept(texts.subList(0, Math.min(WARM_UP, texts.size())));
    long start = System.nanoTime();
    long cpuStart = CPU.getProcessCpuTime();
    embedAll.accept(texts);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (CPU.getProcessCpuTime() - cpuStart) / 1e9;
    double rate = texts.size() / seconds;
    System.out.printf("%-9s %-24s %5d texts %6.1f s %7.1f texts/s  cpu rate %6.1f%n",
        workload, name, texts.size(), seconds, rate, texts.size() / cpuSeconds);
    return rate;
  }

  private static void queryLatency(Embedder embedder, List<String> queries) {
    long[] nanos = new long[Math.min(200, queries.size())];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      embedder.embedQuery(queries.get(i));
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf("query (20 words, one at a time): p50 %.1f ms, p90 %.1f ms%n",
        nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 9 / 10] / 1e6);
  }
}
