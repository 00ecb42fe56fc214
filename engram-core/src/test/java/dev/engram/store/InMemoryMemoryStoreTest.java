package dev.engram.store;

import dev.engram.embed.EmbedderInfo;

/** The contract suite against the in-memory reference store. */
class InMemoryMemoryStoreTest extends MemoryStoreContract {

  @Override
  protected MemoryStore openStore(EmbedderInfo embedder) {
    return new InMemoryMemoryStore(embedder);
  }
}
