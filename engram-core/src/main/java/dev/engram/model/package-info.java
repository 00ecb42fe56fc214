/**
 * The data model: a {@link dev.engram.model.SubjectRef tenant and subject} own sessions of
 * {@link dev.engram.model.Message turns} and {@link dev.engram.model.Document documents}; the write
 * path turns them into {@link dev.engram.model.MemoryItem memory items} (episodes today; summaries,
 * facts and notes have their kinds reserved). Every value validates itself on construction and
 * names the bad argument.
 */
package dev.engram.model;
