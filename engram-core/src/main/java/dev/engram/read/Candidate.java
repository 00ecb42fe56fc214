package dev.engram.read;

import dev.engram.model.MemoryItem;

/**
 * A fused retrieval candidate and where each retriever ranked it.
 *
 * @param item the item
 * @param rank 1-based rank after fusion
 * @param fusedScore fused score in [0, 1] ({@code Fusion}), plus the session vote
 *     ({@code SessionVote}, at most 0.3) and any time-range vote
 * @param textRank 1-based BM25 rank, or 0 when BM25 did not return it
 * @param textScore BM25 score, or 0
 * @param vectorRank 1-based vector rank, or 0 when the vector search did not return it
 * @param vectorScore cosine similarity, or 0
 */
public record Candidate(
    MemoryItem item, int rank, double fusedScore, int textRank, double textScore, int vectorRank,
    double vectorScore) {}
