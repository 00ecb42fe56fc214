package dev.engram.store;

import dev.engram.embed.EmbedderInfo;
import dev.engram.model.Require;

/**
 * What a store was written with; checked on every open so that a store written by another format
 * version or another embedder fails clearly instead of returning garbage.
 *
 * @param format the store implementation's name, e.g. {@code lucene}
 * @param formatVersion the on-disk format version
 * @param embedder the model id and dimension of the stored vectors
 */
public record StoreInfo(String format, int formatVersion, EmbedderInfo embedder) {
  public StoreInfo {
    Require.nonBlank(format, "format");
    Require.inRange(formatVersion, 1, Integer.MAX_VALUE, "formatVersion");
    Require.nonNull(embedder, "embedder");
  }
}
