package dev.engram.bench.synthetic;

import dev.engram.embed.Embedder;
import dev.engram.embed.EmbedderInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An embedder that returns vectors computed beforehand for known texts, so recall latency can be
 * measured without the model's time (which is reported on its own). Reports the real model's id
 * and dimension, so a store written with that model accepts it. Thread-safe (read-only map).
 */
final class PrecomputedEmbedder implements Embedder {
  private final EmbedderInfo info;
  private final Map<String, float[]> vectors;

  PrecomputedEmbedder(EmbedderInfo info, List<String> texts, float[][] vectors) {
    this.info = info;
    Map<String, float[]> map = new HashMap<>();
    for (int i = 0; i < texts.size(); i++) {
      map.put(texts.get(i), vectors[i]);
    }
    this.vectors = Map.copyOf(map);
  }

  @Override
  public EmbedderInfo info() {
    return info;
  }

  /** @throws IllegalArgumentException for a text that was not precomputed */
  @Override
  public float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      float[] vector = vectors.get(texts.get(i));
      if (vector == null) {
        throw new IllegalArgumentException("no precomputed vector for: " + texts.get(i));
      }
      out[i] = vector.clone();
    }
    return out;
  }
}
