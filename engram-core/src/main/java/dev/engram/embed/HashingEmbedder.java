package dev.engram.embed;

import dev.engram.text.Terms;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A lexical stand-in for a neural embedder: feature-hashes a text's terms and term bigrams into a
 * unit vector. It captures word overlap only, no meaning, but is deterministic, instant and has no
 * dependencies, which makes it the embedder of choice for fast tests of the pipelines. Thread-safe.
 */
public final class HashingEmbedder implements Embedder {
  private final EmbedderInfo info;

  /** A hashing embedder of {@code dimension} dimensions, model id {@code hashing-<dimension>}. */
  public HashingEmbedder(int dimension) {
    this.info = new EmbedderInfo("hashing-" + dimension, dimension);
  }

  @Override
  public EmbedderInfo info() {
    return info;
  }

  @Override
  public float[][] embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = embedOne(texts.get(i));
    }
    return out;
  }

  private float[] embedOne(String text) {
    float[] vector = new float[info.dimension()];
    List<String> terms = Terms.of(text);
    for (int i = 0; i < terms.size(); i++) {
      add(vector, terms.get(i), 1f);
      if (i > 0) {
        add(vector, terms.get(i - 1) + ' ' + terms.get(i), 0.5f);
      }
    }
    return Vectors.normalize(vector);
  }

  private void add(float[] vector, String feature, float weight) {
    CRC32 crc = new CRC32();
    crc.update(feature.getBytes(StandardCharsets.UTF_8));
    long hash = crc.getValue();
    int slot = (int) (hash % vector.length);
    vector[slot] += ((hash >>> 31) & 1) == 0 ? weight : -weight;
  }
}
