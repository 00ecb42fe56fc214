/**
 * Embeddings: the {@link dev.engram.embed.Embedder} SPI (texts to unit vectors), the
 * {@link dev.engram.embed.EmbedderInfo} that a store records to refuse a different model, a
 * {@link dev.engram.embed.JointEmbedder} that joins several models into one (its cosine is their
 * weighted mean), and a dependency-free {@link dev.engram.embed.HashingEmbedder} for tests. The
 * bundled neural models live in {@code engram-onnx}.
 */
package dev.engram.embed;
