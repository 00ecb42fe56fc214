/**
 * The read path. {@link dev.engram.read.RecallPipeline} turns a query into a {@link
 * dev.engram.read.Context}: when the subject's whole memory fits the token budget it is packed
 * entire, in order; otherwise BM25 and vector candidates are fused by their min-max normalised
 * scores (half each), with each retriever's top two put first (plain fusion sinks an exact keyword
 * match that the other retriever missed), each conversation round gets a vote weighted 0.3 for its
 * session (the sum of the session's best three fused scores, scaled to the best session's),
 * near-duplicates (Jaccard of terms >= 0.9) are dropped, hits are packed best-first under the
 * budget (long rounds at turn granularity: the turn that best carries the query and the user's
 * turns whole, the rest shortened), left-over budget goes to the rounds around the three best
 * hits, and the result is ordered {@link dev.engram.read.PackOrder#EDGES_FIRST edges-first} (best
 * at both ends, where readers look) or chronologically. Every candidate's fate is recorded, so
 * {@link dev.engram.read.Context#explain} says why an item ranked where it did.
 */
package dev.engram.read;
