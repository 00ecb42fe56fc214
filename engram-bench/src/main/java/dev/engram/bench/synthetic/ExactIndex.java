package dev.engram.bench.synthetic;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

/**
 * The ground truth of the scale run: every stored vector in one flat float array, searched by
 * brute-force dot product. At a million 384-d vectors it holds 1.5 GB, hence the run's -Xmx6g.
 * Adds are single-threaded; searches may run in parallel with each other, not with adds.
 */
final class ExactIndex {
  private final int dimension;
  private final float[] data;
  private int size;

  /** Room for {@code capacity} vectors of {@code dimension} floats. */
  ExactIndex(int capacity, int dimension) {
    if ((long) capacity * dimension > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("an exact index of " + capacity + " x " + dimension
          + " floats exceeds one Java array; lower --max");
    }
    this.dimension = dimension;
    this.data = new float[capacity * dimension];
  }

  void add(float[] vector) {
    System.arraycopy(vector, 0, data, size * dimension, dimension);
    size++;
  }

  int size() {
    return size;
  }

  /** Indexes of the {@code k} vectors with the highest dot product, best first. */
  int[] top(float[] query, int k) {
    PriorityQueue<long[]> heap = new PriorityQueue<>(k + 1,
        (x, y) -> Float.compare(Float.intBitsToFloat((int) x[0]), Float.intBitsToFloat((int) y[0])));
    for (int i = 0; i < size; i++) {
      float score = dot(query, i * dimension);
      if (heap.size() < k || score > Float.intBitsToFloat((int) heap.peek()[0])) {
        heap.add(new long[] {Float.floatToIntBits(score), i});
        if (heap.size() > k) {
          heap.poll();
        }
      }
    }
    int[] out = new int[heap.size()];
    for (int i = out.length - 1; i >= 0; i--) {
      out[i] = (int) heap.poll()[1];
    }
    return out;
  }

  /** {@link #top} for many queries, spread over the cores. */
  int[][] topAll(float[][] queries, int k) {
    int[][] out = new int[queries.length][];
    IntStream.range(0, queries.length).parallel().forEach(q -> out[q] = top(queries[q], k));
    return out;
  }

  /** Four accumulators so the JIT can keep the multiply-adds in flight; this loop is the cost. */
  private float dot(float[] query, int offset) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int d = 0;
    for (; d + 3 < dimension; d += 4) {
      s0 += query[d] * data[offset + d];
      s1 += query[d + 1] * data[offset + d + 1];
      s2 += query[d + 2] * data[offset + d + 2];
      s3 += query[d + 3] * data[offset + d + 3];
    }
    for (; d < dimension; d++) {
      s0 += query[d] * data[offset + d];
    }
    return s0 + s1 + s2 + s3;
  }

  /** Share of {@code exact} found in {@code approximate}. */
  static double overlap(int[] exact, int[] approximate) {
    int[] sorted = approximate.clone();
    Arrays.sort(sorted);
    long hits = Arrays.stream(exact).filter(i -> Arrays.binarySearch(sorted, i) >= 0).count();
    return exact.length == 0 ? 1 : (double) hits / exact.length;
  }
}
