package dev.engram.onnx;

import dev.engram.embed.Embedder;
import dev.engram.spi.EmbedderFactory;

/**
 * Registers {@link OnnxEmbedder#e5SmallV2q()} under {@code e5-small-v2-q} for
 * {@link dev.engram.spi.Providers#embedder(String)}. Public only because
 * {@link java.util.ServiceLoader} needs it.
 */
public final class E5EmbedderFactory implements EmbedderFactory {

  @Override
  public String name() {
    return BundledModel.E5_SMALL_V2_Q.id();
  }

  @Override
  public Embedder create() {
    return OnnxEmbedder.e5SmallV2q();
  }
}
