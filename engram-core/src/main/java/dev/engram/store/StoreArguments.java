package dev.engram.store;

import dev.engram.model.MemoryItem;
import dev.engram.model.Require;

/**
 * The argument checks every {@link MemoryStore} makes, in one place, so that every store refuses
 * the same bad input with the same message (the contract suite compares them).
 */
public final class StoreArguments {
  private StoreArguments() {}

  /**
   * Checks that {@code item} carries a vector of the store's dimension.
   *
   * @throws IllegalArgumentException naming the item when the vector is missing or of another
   *     dimension
   */
  public static MemoryItem requireEmbedding(StoreInfo info, MemoryItem item) {
    Require.nonNull(item, "item");
    int dimension = info.embedder().dimension();
    if (item.embedding() == null) {
      throw new IllegalArgumentException("item " + item.id() + " has no embedding");
    }
    if (item.embedding().length != dimension) {
      throw new IllegalArgumentException("embedding dimension mismatch for item " + item.id()
          + ": store=" + dimension + ", item=" + item.embedding().length);
    }
    return item;
  }

  /**
   * Checks that a query vector has the store's dimension.
   *
   * @throws IllegalArgumentException if it is of another dimension
   * @throws NullPointerException if it is null
   */
  public static float[] requireQueryDimension(StoreInfo info, float[] vector) {
    Require.nonNull(vector, "vector");
    if (vector.length != info.embedder().dimension()) {
      throw new IllegalArgumentException("query vector dimension mismatch: store="
          + info.embedder().dimension() + ", query=" + vector.length);
    }
    return vector;
  }

  /**
   * Checks a result limit.
   *
   * @throws IllegalArgumentException if {@code limit} is below 1
   */
  public static int requireLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return limit;
  }

  /**
   * Checks the token limit of a bounded count.
   *
   * @throws IllegalArgumentException if {@code tokenLimit} is negative
   */
  public static long requireTokenLimit(long tokenLimit) {
    if (tokenLimit < 0) {
      throw new IllegalArgumentException("tokenLimit must be at least 0, was " + tokenLimit);
    }
    return tokenLimit;
  }
}
