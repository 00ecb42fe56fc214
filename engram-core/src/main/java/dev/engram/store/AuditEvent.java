package dev.engram.store;

import dev.engram.model.Require;
import dev.engram.model.SubjectRef;
import java.time.Instant;
import java.util.List;

/**
 * One entry of a subject's append-only audit log. It names items by id and never holds their
 * text, so forgetting leaves the log intact and the text gone.
 *
 * @param owner whose memory changed
 * @param version the subject's version after this change: 1 for the first event, then +1 per
 *     event; {@link #UNASSIGNED} in an event not yet appended (the store assigns it)
 * @param time when the change happened
 * @param action what kind of change
 * @param itemIds the items changed; may be empty, never null
 * @param causeIds what caused it (see {@link AuditAction}); may be empty, never null
 * @param actor who made it: an API key id or a command such as {@code cli:forget}; never a secret
 * @param reason why, in a few words; may be empty, never null
 */
public record AuditEvent(
    SubjectRef owner,
    long version,
    Instant time,
    AuditAction action,
    List<String> itemIds,
    List<String> causeIds,
    String actor,
    String reason) {
  /** The version of an event that the store has not numbered yet. */
  public static final long UNASSIGNED = 0;

  public AuditEvent {
    Require.nonNull(owner, "owner");
    Require.nonNegative(version, "version");
    Require.nonNull(time, "time");
    Require.nonNull(action, "action");
    itemIds = List.copyOf(Require.nonNull(itemIds, "itemIds"));
    causeIds = List.copyOf(Require.nonNull(causeIds, "causeIds"));
    Require.identifier(actor, "actor");
    Require.nonNull(reason, "reason");
  }

  /** An event to append (its version is assigned by {@link MemoryStore#appendAudit}). */
  public static AuditEvent of(SubjectRef owner, Instant time, AuditAction action,
      List<String> itemIds, List<String> causeIds, String actor, String reason) {
    return new AuditEvent(owner, UNASSIGNED, time, action, itemIds, causeIds, actor, reason);
  }

  /** This event numbered {@code value}. */
  public AuditEvent withVersion(long value) {
    return new AuditEvent(owner, value, time, action, itemIds, causeIds, actor, reason);
  }
}
