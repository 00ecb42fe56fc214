package dev.engram.store;

/**
 * Counts for one subject.
 *
 * @param items number of stored items
 * @param tokens sum of the items' estimated tokens
 * @param lastSubjectSeq highest {@code subjectSeq}, or -1 when the subject has no items
 */
public record SubjectStats(long items, long tokens, long lastSubjectSeq) {
  /** The stats of a subject with no memory. */
  public static final SubjectStats EMPTY = new SubjectStats(0, 0, -1);
}
