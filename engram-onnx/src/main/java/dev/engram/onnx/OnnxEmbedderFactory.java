package dev.engram.onnx;

import dev.engram.embed.Embedder;
import dev.engram.spi.EmbedderFactory;

/**
 * Registers the bundled {@link OnnxEmbedder} under {@value OnnxEmbedder#MODEL_ID} for
 * {@link dev.engram.spi.Providers#embedder(String)}. Public only because
 * {@link java.util.ServiceLoader} needs it.
 */
public final class OnnxEmbedderFactory implements EmbedderFactory {

  @Override
  public String name() {
    return OnnxEmbedder.MODEL_ID;
  }

  /** {@link OnnxEmbedder#bgeSmallEnV15q()} with its default threads and batch size. */
  @Override
  public Embedder create() {
    return OnnxEmbedder.bgeSmallEnV15q();
  }
}
