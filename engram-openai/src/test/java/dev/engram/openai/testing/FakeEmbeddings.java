package dev.engram.openai.testing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The deterministic vectors {@link FakeOpenAiServer} returns from {@code /embeddings}: each
 * lower-cased alphanumeric token adds a signed 1 at a slot chosen by its FNV-1a hash, then the
 * vector is L2-normalised. Texts sharing words get a positive cosine; text without tokens gets
 * the unit vector on slot 0. Tests use it to compute expected vectors.
 */
public final class FakeEmbeddings {

  private FakeEmbeddings() {}

  /**
   * The vector for {@code text}.
   *
   * @throws IllegalArgumentException if {@code dimension < 1}
   */
  public static float[] vector(String text, int dimension) {
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be >= 1, was " + dimension);
    }
    float[] vector = new float[dimension];
    for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!token.isEmpty()) {
        int hash = fnv1a(token);
        int slot = Math.floorMod(hash, dimension);
        vector[slot] += (hash & 0x40000000) == 0 ? 1f : -1f;
      }
    }
    double norm = 0;
    for (float value : vector) {
      norm += value * value;
    }
    if (norm == 0) {
      vector[0] = 1f;
      return vector;
    }
    float scale = (float) (1 / Math.sqrt(norm));
    for (int i = 0; i < dimension; i++) {
      vector[i] *= scale;
    }
    return vector;
  }

  private static int fnv1a(String token) {
    int hash = 0x811c9dc5;
    for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x01000193;
    }
    return hash;
  }
}
