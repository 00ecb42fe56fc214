package dev.engram.spi;

import dev.engram.embed.EmbedderInfo;
import dev.engram.store.MemoryStore;
import java.nio.file.Path;

/**
 * Opens a {@link MemoryStore} kind by name; found with {@link java.util.ServiceLoader} from
 * {@code META-INF/services/dev.engram.spi.MemoryStoreFactory}.
 */
public interface MemoryStoreFactory {

  /** The name users choose this store by, e.g. {@code lucene}. */
  String name();

  /**
   * Opens (or creates, when {@code readOnly} is false and the directory is empty or absent) the
   * store in {@code dataDir}.
   *
   * @param embedder the embedder the caller will use; a store written with another one is refused
   * @param readOnly open for reading only, without taking the write lock
   * @throws dev.engram.store.StoreException if the directory is not a store of this kind, was
   *     written by another format version or embedder, or is locked by another writer
   */
  MemoryStore open(Path dataDir, EmbedderInfo embedder, boolean readOnly);
}
