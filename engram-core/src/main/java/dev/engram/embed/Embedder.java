package dev.engram.embed;

import java.util.List;

/**
 * Turns texts into unit vectors (L2 norm 1), so a dot product is the cosine similarity.
 *
 * <p>Thread-safe. Implementations batch internally; callers pass as many texts as they have.
 * Text past the model's window is dropped by the model: callers chunk long text first.
 */
public interface Embedder extends AutoCloseable {

  /** The model id and dimension of the vectors this embedder makes. */
  EmbedderInfo info();

  /**
   * Embeds passages (memory items).
   *
   * @param texts non-null texts; empty list gives an empty array
   * @return one unit vector per text, in order
   */
  float[][] embed(List<String> texts);

  /** Embeds a search query; models with a query instruction apply it here. */
  default float[] embedQuery(String query) {
    return embed(List.of(query))[0];
  }

  /** Releases native resources; the default does nothing. */
  @Override
  default void close() {}
}
