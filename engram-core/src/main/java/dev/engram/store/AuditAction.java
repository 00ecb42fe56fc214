package dev.engram.store;

/** What an {@link AuditEvent} records. */
public enum AuditAction {
  /** Episodes were remembered ({@code itemIds}: the new items). */
  REMEMBER,
  /**
   * New rounds were kept out of the hot index as near-repeats by the admission gate ({@code
   * itemIds}: the rounds, stored cold; {@code causeIds}: the episodes they repeat, in order).
   */
  MERGE,
  /** Facts were added ({@code itemIds}: the new facts; {@code causeIds}: their episodes). */
  FACT,
  /** Facts were closed by newer ones ({@code itemIds}: the old; {@code causeIds}: the new). */
  SUPERSEDE,
  /** Summaries were written or rebuilt ({@code itemIds}: the summaries). */
  SUMMARY,
  /** Items were pinned ({@code itemIds}). */
  PIN,
  /** Items were unpinned ({@code itemIds}). */
  UNPIN,
  /** Items moved to the cold tier ({@code itemIds}). */
  PRUNE,
  /** Items were deleted for good ({@code itemIds}; never their text). */
  FORGET,
  /** The subject was rolled back ({@code causeIds}: the version rolled back to, as text). */
  ROLLBACK
}
