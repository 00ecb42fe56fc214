/**
 * Salience and retention (research.md F2, F3): word salience from corpus self-information, text
 * salience from its most salient words, decayed per later turn at a rate set by the kind of turn
 * ({@link dev.engram.retain.TurnKind}: small talk fades fastest, standing instructions never),
 * and a retention priority that also decays with age and grows with hits. {@link
 * dev.engram.retain.Pruner} moves the lowest-priority episodes out of the search indexes into the
 * cold tier, never pinned or fact-backed ones.
 */
package dev.engram.retain;
