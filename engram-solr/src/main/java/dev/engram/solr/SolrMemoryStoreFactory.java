package dev.engram.solr;

import dev.engram.embed.EmbedderInfo;
import dev.engram.spi.MemoryStoreFactory;
import dev.engram.store.MemoryStore;
import java.nio.file.Path;

/**
 * Registers {@link SolrMemoryStore} under the name {@code solr}. The SPI hands a data directory;
 * a SolrCloud store has none, so the connection comes from {@link SolrSettings#resolve}: system
 * properties {@code engram.solr.zkHost} and {@code engram.solr.collection}, else the environment
 * variables {@code ENGRAM_SOLR_ZK_HOST} and {@code ENGRAM_SOLR_COLLECTION}, else a file
 * {@code solr.properties} ({@code zkHost=...}, {@code collection=...}) in the data directory.
 */
public final class SolrMemoryStoreFactory implements MemoryStoreFactory {

  @Override
  public String name() {
    return SchemaManifest.FORMAT;
  }

  @Override
  public MemoryStore open(Path dataDir, EmbedderInfo embedder, boolean readOnly) {
    return SolrMemoryStore.open(SolrSettings.resolve(dataDir), embedder, readOnly);
  }
}
