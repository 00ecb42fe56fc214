package dev.engram.spi;

import dev.engram.embed.Embedder;

/**
 * Creates an {@link Embedder} kind by name; found with {@link java.util.ServiceLoader} from
 * {@code META-INF/services/dev.engram.spi.EmbedderFactory}.
 */
public interface EmbedderFactory {

  /** The model id users choose this embedder by, e.g. {@code bge-small-en-v1.5-q}. */
  String name();

  /** A new embedder; may take seconds (it loads the model). */
  Embedder create();
}
