package dev.engram.embed;

/** Vector arithmetic on float arrays. */
public final class Vectors {
  private Vectors() {}

  /** Dot product; the cosine similarity when both are unit vectors. */
  public static double dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vector dimension mismatch: " + a.length + " vs " + b.length);
    }
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /** Scales {@code v} in place to unit length (a zero vector gets a 1 in its first slot). */
  public static float[] normalize(float[] v) {
    double norm = Math.sqrt(dot(v, v));
    if (norm == 0) {
      v[0] = 1f;
      return v;
    }
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (v[i] / norm);
    }
    return v;
  }
}
