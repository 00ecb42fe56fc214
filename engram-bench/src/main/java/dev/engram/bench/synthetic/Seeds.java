package dev.engram.bench.synthetic;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible seeds from the run's seed and a path of labels, so each
 * haystack, needle set and trial has its own stream and adding one does not shift the others.
 * Labels hash with {@link String#hashCode()}, which the JLS fixes, so seeds agree across JVMs.
 */
final class Seeds {
  private Seeds() {}

  /** A seed for {@code parts} under {@code seed}. */
  static long derive(long seed, Object... parts) {
    long h = mix(seed);
    for (Object part : parts) {
      long value = part instanceof Number n ? n.longValue() : String.valueOf(part).hashCode();
      h = mix(h ^ mix(value + 0x9E3779B97F4A7C15L));
    }
    return h;
  }

  /** A random stream for {@code parts} under {@code seed}. */
  static SplittableRandom random(long seed, Object... parts) {
    return new SplittableRandom(derive(seed, parts));
  }

  /** SplitMix64's finaliser: a bijective 64-bit mix. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
