package dev.engram.onnx;

import dev.engram.embed.Embedder;
import dev.engram.spi.EmbedderFactory;

/**
 * Registers {@link OnnxEmbedder#bgeWithE5()} under {@value OnnxEmbedder#JOINT_MODEL_ID} for
 * {@link dev.engram.spi.Providers#embedder(String)}. Public only because
 * {@link java.util.ServiceLoader} needs it.
 */
public final class JointEmbedderFactory implements EmbedderFactory {

  @Override
  public String name() {
    return OnnxEmbedder.JOINT_MODEL_ID;
  }

  @Override
  public Embedder create() {
    return OnnxEmbedder.bgeWithE5();
  }
}
