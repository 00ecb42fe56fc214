package dev.engram.embed;

import dev.engram.model.Require;

/**
 * Identifies the vectors an embedder makes; a store keeps it and refuses another.
 *
 * @param modelId e.g. {@code bge-small-en-v1.5-q}
 * @param dimension vector length, in [1, 8192]
 */
public record EmbedderInfo(String modelId, int dimension) {
  public EmbedderInfo {
    Require.nonBlank(modelId, "modelId");
    Require.inRange(dimension, 1, 8192, "dimension");
  }
}
