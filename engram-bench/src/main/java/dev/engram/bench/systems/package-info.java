/**
 * The memory systems a bench run compares, side by side on the same items, budget and reader:
 * {@code engram} (the full recall pipeline), {@code bm25} and {@code vector} (one retriever of the
 * same store each), {@code recent} (a message window: the newest history that fits) and
 * {@code langchain4j} (LangChain4j's {@code InMemoryEmbeddingStore} and
 * {@code EmbeddingStoreContentRetriever} over the same rounds and the same embedder).
 *
 * <p>Every baseline packs with {@link dev.engram.bench.systems.BudgetPacker}, which charges an item
 * exactly what Engram's packer charges (the same header and {@link dev.engram.model.TokenEstimate}),
 * so a budget means the same thing for every system.
 */
package dev.engram.bench.systems;
