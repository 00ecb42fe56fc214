package dev.engram;

import dev.engram.embed.Embedder;
import dev.engram.model.Require;
import dev.engram.model.SubjectRef;
import dev.engram.read.RecallRequest;
import dev.engram.reader.ExtractiveReader;
import dev.engram.reader.Reader;
import dev.engram.spi.Providers;
import dev.engram.store.MemoryStore;
import java.nio.file.Path;
import java.time.Clock;

/** The one {@link Engram.Builder}; defaults are listed on the interface. */
final class EngramBuilder implements Engram.Builder {
  String tenant = SubjectRef.DEFAULT_TENANT;
  Path dataDir;
  MemoryStore store;
  String storeKind = "lucene";
  Embedder embedder;
  String embedderKind = "bge-small-en-v1.5-q";
  Reader reader;
  int budget = RecallRequest.DEFAULT_BUDGET;
  Clock clock = Clock.systemUTC();
  boolean readOnly;
  dev.engram.fact.FactExtractor factExtractor = new dev.engram.fact.RuleFactExtractor();
  dev.engram.summary.Summarizer summarizer = new dev.engram.summary.ExtractiveSummarizer();
  int summaryEveryTurns = dev.engram.summary.CompactMemory.DEFAULT_EVERY_TURNS;
  String actor = "api";
  dev.engram.write.AdmissionPolicy admission = dev.engram.write.AdmissionPolicy.DEFAULT;
  java.util.concurrent.Executor executor = java.util.concurrent.ForkJoinPool.commonPool();
  boolean ownsStore;
  boolean ownsEmbedder;

  @Override
  public Engram.Builder executor(java.util.concurrent.Executor value) {
    this.executor = Require.nonNull(value, "executor");
    return this;
  }

  @Override
  public Engram.Builder dataDir(Path dir) {
    this.dataDir = Require.nonNull(dir, "dataDir");
    return this;
  }

  @Override
  public Engram.Builder store(MemoryStore memoryStore) {
    this.store = Require.nonNull(memoryStore, "store");
    return this;
  }

  @Override
  public Engram.Builder storeKind(String name) {
    this.storeKind = Require.nonBlank(name, "storeKind");
    return this;
  }

  @Override
  public Engram.Builder embedder(Embedder value) {
    this.embedder = Require.nonNull(value, "embedder");
    return this;
  }

  @Override
  public Engram.Builder embedderKind(String modelId) {
    this.embedderKind = Require.nonBlank(modelId, "embedderKind");
    return this;
  }

  @Override
  public Engram.Builder reader(Reader value) {
    this.reader = Require.nonNull(value, "reader");
    return this;
  }

  @Override
  public Engram.Builder tenant(String value) {
    this.tenant = Require.identifier(value, "tenant");
    return this;
  }

  @Override
  public Engram.Builder budget(int tokens) {
    this.budget = Require.inRange(tokens, 50, 1_000_000, "budget");
    return this;
  }

  @Override
  public Engram.Builder clock(Clock value) {
    this.clock = Require.nonNull(value, "clock");
    return this;
  }

  @Override
  public Engram.Builder factExtractor(dev.engram.fact.FactExtractor value) {
    this.factExtractor = Require.nonNull(value, "factExtractor");
    return this;
  }

  @Override
  public Engram.Builder summarizer(dev.engram.summary.Summarizer value) {
    this.summarizer = Require.nonNull(value, "summarizer");
    return this;
  }

  @Override
  public Engram.Builder summaryEveryTurns(int turns) {
    this.summaryEveryTurns = Require.inRange(turns, 1, 1_000_000, "summaryEveryTurns");
    return this;
  }

  @Override
  public Engram.Builder admission(dev.engram.write.AdmissionPolicy policy) {
    this.admission = Require.nonNull(policy, "admission");
    return this;
  }

  @Override
  public Engram.Builder actor(String value) {
    this.actor = Require.identifier(value, "actor");
    return this;
  }

  @Override
  public Engram.Builder readOnly(boolean value) {
    this.readOnly = value;
    return this;
  }

  @Override
  public Engram build() {
    if (store == null && dataDir == null) {
      throw new IllegalStateException("either store(...) or dataDir(...) must be set");
    }
    ownsEmbedder = embedder == null;
    if (ownsEmbedder) {
      embedder = Providers.embedder(embedderKind).create();
    }
    if (store == null) {
      try {
        store = Providers.store(storeKind).open(dataDir, embedder.info(), readOnly);
      } catch (RuntimeException e) {
        if (ownsEmbedder) {
          embedder.close();
        }
        throw e;
      }
      ownsStore = true;
    } else if (!store.info().embedder().equals(embedder.info())) {
      throw new IllegalStateException("embedder mismatch: store=" + describe(store)
          + ", embedder=" + embedder.info().modelId() + "/" + embedder.info().dimension());
    }
    if (reader == null) {
      reader = new ExtractiveReader(embedder);
    }
    return new Engram(this);
  }

  private static String describe(MemoryStore s) {
    return s.info().embedder().modelId() + "/" + s.info().embedder().dimension();
  }
}
