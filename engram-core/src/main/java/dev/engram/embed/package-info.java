/**
 * Embeddings: the {@link dev.engram.embed.Embedder} SPI (texts to unit vectors), the
 * {@link dev.engram.embed.EmbedderInfo} that a store records to refuse a different model, and a
 * dependency-free {@link dev.engram.embed.HashingEmbedder} for tests. The bundled neural model
 * lives in {@code engram-onnx}.
 */
package dev.engram.embed;
