/**
 * Engram: a long-term memory engine for LLM applications. {@link dev.engram.Engram} is the entry
 * point: {@code remember} conversations and documents (verbatim, durable, no LLM call),
 * {@code recall} what matters for a query under a token budget, {@code ask} for an answer with
 * citations, {@code forget} for real. The pipelines live in {@code write}, {@code read} and
 * {@code reader}; the pluggable parts ({@code MemoryStore}, {@code Embedder}, {@code Reader}) are
 * interfaces here with implementations in their own modules.
 */
package dev.engram;
