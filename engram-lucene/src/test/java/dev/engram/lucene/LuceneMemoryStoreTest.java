package dev.engram.lucene;

import dev.engram.embed.EmbedderInfo;
import dev.engram.store.MemoryStore;
import dev.engram.store.MemoryStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract suite against a Lucene store in a temporary directory. */
class LuceneMemoryStoreTest extends MemoryStoreContract {
  @TempDir
  Path root;

  private Path dataDir;
  private EmbedderInfo embedder;

  @Override
  protected MemoryStore openStore(EmbedderInfo embedderInfo) {
    this.embedder = embedderInfo;
    this.dataDir = root.resolve("store");
    return LuceneMemoryStore.open(dataDir, embedderInfo, false);
  }

  @Override
  protected MemoryStore reopen(MemoryStore current) {
    current.close();
    return LuceneMemoryStore.open(dataDir, embedder, false);
  }
}
