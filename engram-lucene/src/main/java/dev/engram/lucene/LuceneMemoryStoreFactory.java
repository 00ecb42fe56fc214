package dev.engram.lucene;

import dev.engram.embed.EmbedderInfo;
import dev.engram.spi.MemoryStoreFactory;
import dev.engram.store.MemoryStore;
import java.nio.file.Path;

/** Registers {@link LuceneMemoryStore} under the name {@code lucene}. */
public final class LuceneMemoryStoreFactory implements MemoryStoreFactory {

  @Override
  public String name() {
    return StoreManifest.FORMAT;
  }

  @Override
  public MemoryStore open(Path dataDir, EmbedderInfo embedder, boolean readOnly) {
    return LuceneMemoryStore.open(dataDir, embedder, readOnly);
  }
}
