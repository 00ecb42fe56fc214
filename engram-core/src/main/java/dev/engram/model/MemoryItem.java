package dev.engram.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One retrievable unit of memory: what a store holds and recall returns.
 *
 * <p>Equality is by value except for {@code embedding}, which records compare by reference; use
 * {@link #id()} to identify items.
 *
 * @param id unique within the tenant; derived from the content so re-ingesting is idempotent
 * @param owner the tenant and subject the item belongs to
 * @param session the conversation or document it came from
 * @param kind episode, summary, fact or note
 * @param sessionSeq 0-based order within its session
 * @param subjectSeq 0-based order within the subject's whole timeline
 * @param eventTime when it happened (the first turn's time), never null
 * @param ingestTime when Engram stored it, never null
 * @param text the verbatim text returned to readers; for a round, one line per turn prefixed by
 *     its role ({@code user: ...})
 * @param key the text that the lexical index sees (the text plus any expansions)
 * @param sourceIds caller-side ids of the turns or pages it holds; may be empty, never null
 * @param contentHash hash of session and text, used to skip exact duplicates
 * @param embedding the unit vector of {@code key}; null when a store does not return vectors
 * @param lifecycle tier, pin, validity, salience and accesses; never null
 */
public record MemoryItem(
    String id,
    SubjectRef owner,
    String session,
    ItemKind kind,
    long sessionSeq,
    long subjectSeq,
    Instant eventTime,
    Instant ingestTime,
    String text,
    String key,
    List<String> sourceIds,
    String contentHash,
    float[] embedding,
    Lifecycle lifecycle) {

  /**
   * A subject's timeline order: {@code subjectSeq}, then {@code sessionSeq}, then id (what
   * {@code MemoryStore#items} returns items in).
   */
  public static final Comparator<MemoryItem> TIMELINE =
      Comparator.comparingLong(MemoryItem::subjectSeq).thenComparingLong(MemoryItem::sessionSeq)
          .thenComparing(MemoryItem::id);

  public MemoryItem {
    Require.nonBlank(id, "id");
    Require.nonNull(owner, "owner");
    Require.identifier(session, "session");
    Require.nonNull(kind, "kind");
    Require.nonNegative(sessionSeq, "sessionSeq");
    Require.nonNegative(subjectSeq, "subjectSeq");
    Require.nonNull(eventTime, "eventTime");
    Require.nonNull(ingestTime, "ingestTime");
    Require.nonBlank(text, "text");
    Require.nonBlank(key, "key");
    sourceIds = List.copyOf(Require.nonNull(sourceIds, "sourceIds"));
    Require.nonBlank(contentHash, "contentHash");
    Require.nonNull(lifecycle, "lifecycle");
  }

  /** An item with the {@link Lifecycle#DEFAULT default lifecycle} (hot, unpinned, no validity). */
  public MemoryItem(String id, SubjectRef owner, String session, ItemKind kind, long sessionSeq,
      long subjectSeq, Instant eventTime, Instant ingestTime, String text, String key,
      List<String> sourceIds, String contentHash, float[] embedding) {
    this(id, owner, session, kind, sessionSeq, subjectSeq, eventTime, ingestTime, text, key,
        sourceIds, contentHash, embedding, Lifecycle.DEFAULT);
  }

  /** This item without its vector (what stores return from reads). */
  public MemoryItem withoutEmbedding() {
    return embedding == null
        ? this
        : new MemoryItem(
            id, owner, session, kind, sessionSeq, subjectSeq, eventTime, ingestTime, text, key,
            sourceIds, contentHash, null, lifecycle);
  }

  /** This item with another lifecycle. */
  public MemoryItem withLifecycle(Lifecycle value) {
    return new MemoryItem(id, owner, session, kind, sessionSeq, subjectSeq, eventTime, ingestTime,
        text, key, sourceIds, contentHash, embedding, value);
  }

  /** This item with another index key (the text and vector stay). */
  public MemoryItem withKey(String value) {
    return new MemoryItem(id, owner, session, kind, sessionSeq, subjectSeq, eventTime, ingestTime,
        text, value, sourceIds, contentHash, embedding, lifecycle);
  }

  /** This item with a vector (a copy is not made). */
  public MemoryItem withEmbedding(float[] value) {
    return new MemoryItem(id, owner, session, kind, sessionSeq, subjectSeq, eventTime, ingestTime,
        text, key, sourceIds, contentHash, value, lifecycle);
  }

  /** Approximate size in tokens of {@link #text()} (see {@link TokenEstimate}). */
  public int tokens() {
    return TokenEstimate.of(text);
  }
}
