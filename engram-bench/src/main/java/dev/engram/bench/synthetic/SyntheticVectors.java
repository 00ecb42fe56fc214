package dev.engram.bench.synthetic;

import dev.engram.embed.Vectors;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The scale run's items. Item i below {@code real} is a real book sentence with its real
 * embedding; above, a synthetic item: a random mix {@code w a + (1 - w) b} of two real vectors
 * ({@code w} uniform in [0.2, 0.8]) plus Gaussian noise of standard deviation {@value #NOISE} per
 * dimension, renormalised, with a text naming its parents. Embedding a million texts with the
 * real model would take about an hour on two cores; mixes keep the neighbourhood structure of real
 * embeddings (clusters, a common mean) at no cost. Deterministic per index; thread-safe.
 */
final class SyntheticVectors {
  /** Per-dimension noise: about 0.3 in norm at 384 dimensions, so no two mixes coincide. */
  static final double NOISE = 0.015;

  private final List<String> texts;
  private final float[][] vectors;
  private final long seed;

  /** @param texts real texts, at least two, with their unit vectors */
  SyntheticVectors(List<String> texts, float[][] vectors, long seed) {
    if (texts.size() < 2 || texts.size() != vectors.length) {
      throw new IllegalArgumentException("need at least 2 real texts with one vector each, had "
          + texts.size() + " texts and " + vectors.length + " vectors");
    }
    this.texts = List.copyOf(texts);
    this.vectors = vectors.clone();
    this.seed = seed;
  }

  /** Real items before synthetic ones. */
  int real() {
    return texts.size();
  }

  /** Item i's unit vector. */
  float[] vector(long i) {
    if (i < texts.size()) {
      return vectors[(int) i].clone();
    }
    SplittableRandom random = Seeds.random(seed, "scale-mix", i);
    float[] a = vectors[random.nextInt(texts.size())];
    float[] b = vectors[random.nextInt(texts.size())];
    double w = 0.2 + 0.6 * random.nextDouble();
    float[] mix = new float[a.length];
    for (int d = 0; d < mix.length; d++) {
      mix[d] = (float) (w * a[d] + (1 - w) * b[d] + NOISE * gaussian(random));
    }
    return Vectors.normalize(mix);
  }

  /** Item i's text: the real sentence, or a line naming the synthetic item's parents. */
  String text(long i) {
    if (i < texts.size()) {
      return texts.get((int) i);
    }
    SplittableRandom random = Seeds.random(seed, "scale-mix", i);
    int a = random.nextInt(texts.size());
    int b = random.nextInt(texts.size());
    return String.format(Locale.ROOT, "Synthetic memory %d mixes sentence %d (%s) with sentence "
        + "%d (%s).", i, a, head(texts.get(a)), b, head(texts.get(b)));
  }

  private static String head(String text) {
    String[] words = text.split("\\s+");
    return String.join(" ", List.of(words).subList(0, Math.min(6, words.length))) + " ...";
  }

  /** A standard normal draw (Box-Muller; SplittableRandom has no nextGaussian on Java 17). */
  private static double gaussian(SplittableRandom random) {
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
