/**
 * The write path: {@link dev.engram.write.Segmenter} cuts sessions into rounds (a user turn and
 * its replies) and documents into overlapping pages that end at sentence boundaries;
 * {@link dev.engram.write.WritePipeline} skips exact duplicates, numbers the episodes in their
 * session and in the subject's timeline, builds each round's index key
 * ({@link dev.engram.write.RoundKey}: a short round borrows its neighbours' bordering lines, a
 * longer one weighs the user's words), embeds them in a batch with the local model
 * ({@link dev.engram.write.EmbeddingInput}: a longer round from its user lines first), lets the
 * novelty gate ({@link dev.engram.write.AdmissionPolicy}, research.md F4) keep near-repeats out
 * of the hot index, and stores everything in one durable unit. No LLM is called to remember.
 */
package dev.engram.write;
