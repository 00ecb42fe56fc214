package dev.engram.bench.synthetic;

/**
 * The scale run at one size.
 *
 * @param items items the subject holds
 * @param addSeconds wall time of the adds since the previous step (HNSW build and commits)
 * @param settleSeconds wall time of closing and reopening the store before measuring, which waits
 *     for the background merges the adds started
 * @param searchVector latency of {@code MemoryStore.searchVector} for the top 10, ms
 * @param recall latency of the full {@code Engram.recall} (BM25 + vector + fusion + packing),
 *     with precomputed query vectors, ms
 * @param exactScan latency of one single-threaded exact scan over all vectors, ms
 * @param annRecall10 mean over queries of |HNSW top 10 and exact top 10| / 10
 * @param minAnnRecall10 the worst query's recall@10
 * @param bytesOnDisk the store's files
 * @param heapUsedMb heap in use at measurement (the exact copy of the vectors included)
 */
record ScaleStep(long items, double addSeconds, double settleSeconds, Latency searchVector,
    Latency recall, Latency exactScan, double annRecall10, double minAnnRecall10,
    long bytesOnDisk, long heapUsedMb) {}
