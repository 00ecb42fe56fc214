package dev.engram.embed;

import dev.engram.model.Require;
import java.util.ArrayList;
import java.util.List;

/**
 * Several embedders as one. A text's vector is its parts' unit vectors joined end to end, part
 * {@code i} scaled by {@code sqrt(w_i / sum w)}: the joined vector is a unit vector, and the dot
 * product of two joined vectors is the weighted mean of the parts' cosines. Two small models that
 * miss different things then rank like one better model, at the cost of embedding every text with
 * each part and storing the longer vector (docs/bench-notes.md, "A second embedding model").
 *
 * <p>Thread-safe when its parts are. {@link #close} closes every part; the joined embedder owns
 * them.
 */
public final class JointEmbedder implements Embedder {
  /**
   * One part and its weight.
   *
   * @param embedder the part; not null
   * @param weight its share of the joined cosine, relative to the other parts'; finite, above 0
   */
  public record Part(Embedder embedder, double weight) {
    public Part {
      Require.nonNull(embedder, "embedder");
      if (!(weight > 0 && Double.isFinite(weight))) {
        throw new IllegalArgumentException("weight must be finite and above 0, was " + weight);
      }
    }
  }

  private final List<Part> parts;
  private final float[] scales;
  private final EmbedderInfo info;

  private JointEmbedder(String modelId, List<Part> parts) {
    this.parts = parts;
    double total = parts.stream().mapToDouble(Part::weight).sum();
    this.scales = new float[parts.size()];
    int dimension = 0;
    for (int i = 0; i < scales.length; i++) {
      scales[i] = (float) Math.sqrt(parts.get(i).weight() / total);
      dimension += parts.get(i).embedder().info().dimension();
    }
    this.info = new EmbedderInfo(modelId, dimension);
  }

  /**
   * Joins {@code parts}, in order.
   *
   * @param modelId the id stores record for the joined vectors; one that no other parts or
   *     weights use, since their vectors are not comparable
   * @param parts at least two
   * @throws IllegalArgumentException if the id is blank, there are fewer than two parts, or their
   *     dimensions add up to more than {@link EmbedderInfo} allows
   */
  public static JointEmbedder of(String modelId, List<Part> parts) {
    Require.nonBlank(modelId, "modelId");
    Require.nonNull(parts, "parts");
    if (parts.size() < 2) {
      throw new IllegalArgumentException("parts must hold at least two embedders, was "
          + parts.size());
    }
    for (int i = 0; i < parts.size(); i++) {
      Require.nonNull(parts.get(i), "parts[" + i + "]");
    }
    return new JointEmbedder(modelId, List.copyOf(parts));
  }

  /** The parts, in order, with the weights they were given. */
  public List<Part> parts() {
    return parts;
  }

  @Override
  public EmbedderInfo info() {
    return info;
  }

  @Override
  public float[][] embed(List<String> texts) {
    Require.nonNull(texts, "texts");
    List<float[][]> byPart = new ArrayList<>();
    for (Part part : parts) {
      byPart.add(part.embedder().embed(texts));
    }
    return join(byPart, texts.size());
  }

  @Override
  public float[] embedQuery(String query) {
    Require.nonNull(query, "query");
    List<float[][]> byPart = new ArrayList<>();
    for (Part part : parts) {
      byPart.add(new float[][] {part.embedder().embedQuery(query)});
    }
    return join(byPart, 1)[0];
  }

  private float[][] join(List<float[][]> byPart, int rows) {
    float[][] out = new float[rows][info.dimension()];
    for (int row = 0; row < rows; row++) {
      int offset = 0;
      for (int p = 0; p < byPart.size(); p++) {
        float[] vector = byPart.get(p)[row];
        for (int d = 0; d < vector.length; d++) {
          out[row][offset + d] = vector[d] * scales[p];
        }
        offset += vector.length;
      }
    }
    return out;
  }

  /** Closes every part, even when one fails; the first failure is thrown. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (Part part : parts) {
      try {
        part.embedder().close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
