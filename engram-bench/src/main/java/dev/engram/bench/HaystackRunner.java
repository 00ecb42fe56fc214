package dev.engram.bench;

import dev.engram.Engram;
import dev.engram.bench.systems.RetrievalSystem;
import dev.engram.bench.systems.SystemNames;
import dev.engram.model.MemoryItem;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.reader.ExtractiveReader;
import dev.engram.store.MemoryStore;
import dev.engram.write.AdmissionPolicy;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one haystack: a fresh store, every session remembered through {@link Engram#remember} in
 * order (timed), each system indexed, every question put to every system, then recall latency
 * sampled. One thread; the store is discarded afterwards.
 */
final class HaystackRunner {
  private final BenchConfig config;
  private final EmbedderSetup embedders;
  private final CaseEvaluator evaluator;
  private final LatencySampler latency;
  private final SpeedLog log;

  /** @param questions the questions of the whole run (the latency warm-up spans haystacks) */
  HaystackRunner(BenchConfig config, EmbedderSetup embedders, SpeedLog log, int questions) {
    this.config = config;
    this.embedders = embedders;
    this.evaluator = new CaseEvaluator(config, config.llm().reader(new ExtractiveReader()));
    this.latency = new LatencySampler(embedders.raw(), embedders.shared(), config.readerBudget(),
        config.latencyRuns(), config.latencyWarmup(), questions);
    this.log = log;
  }

  /**
   * Runs the haystack and passes each question's results (one per system) to {@code sink} as soon
   * as the question is done.
   */
  void run(Haystack haystack, Consumer<List<CaseResult>> sink) {
    SubjectRef owner = SubjectRef.of(haystack.subject());
    try (StoreSlot slot = StoreSlot.open(config.store(), embedders.shared().info())) {
      MemoryStore store = slot.store();
      List<MemoryItem> items = ingest(haystack, store, owner);
      HaystackIndex index = new HaystackIndex(haystack.sessions(), items);
      List<RetrievalSystem> systems = SystemNames.create(config.systems(), store,
          embedders.shared(), config.packDepth(), Clock.fixed(haystack.now(), ZoneOffset.UTC));
      for (RetrievalSystem system : systems) {
        long start = System.nanoTime();
        system.index(owner, items);
        if (system.name().equals("langchain4j")) {
          log.langchain4jIndexNanos += System.nanoTime() - start;
          log.langchain4jIndexItems += items.size();
        }
      }
      for (BenchCase c : haystack.cases()) {
        List<CaseResult> results = new ArrayList<>();
        for (RetrievalSystem system : systems) {
          CaseResult result = evaluator.evaluate(system, owner, index, c);
          log.pack(system.name(), result.packMillis());
          results.add(result);
        }
        sink.accept(results);
      }
      if (config.systems().contains("engram")) {
        latency.sample(store, owner, haystack.cases(), log);
      }
      if (slot.bytesOnDisk() > 0 && !items.isEmpty()) {
        log.diskBytesPerItem.add((double) slot.bytesOnDisk() / items.size());
      }
    }
  }

  private List<MemoryItem> ingest(Haystack haystack, MemoryStore store, SubjectRef owner) {
    Clock clock = Clock.fixed(haystack.now(), ZoneOffset.UTC);
    try (Engram engram = Engram.builder().store(store).embedder(embedders.shared()).clock(clock)
        .admission(AdmissionPolicy.atThreshold(config.admission()))
        .build()) {
      long start = System.nanoTime();
      log.mergedRounds +=
          engram.rememberAll(owner.subject(), haystack.sessions()).mergedIds().size();
      log.ingestNanos += System.nanoTime() - start;
    }
    // the remembered episodes (facts and summaries derived from them are Engram's own view)
    dev.engram.store.ItemFilter episodes = dev.engram.store.ItemFilter.allOf(
        dev.engram.model.ItemKind.EPISODE, dev.engram.model.ItemKind.NOTE);
    long count = store.subjectStats(owner, episodes).items();
    List<MemoryItem> items = count == 0 ? List.of() : store.items(owner, episodes, (int) count);
    log.ingestRounds += items.size();
    log.ingestSessions += haystack.sessions().size();
    log.haystacks++;
    return items;
  }
}
