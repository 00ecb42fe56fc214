/**
 * Salience and retention (research.md F2, F3): word salience from corpus self-information, text
 * salience from its most salient words, and a retention priority that decays with age and turns
 * and grows with use. {@link dev.engram.retain.Pruner} moves the lowest-priority episodes out of
 * the search indexes into the cold tier, never pinned or fact-backed ones.
 */
package dev.engram.retain;
