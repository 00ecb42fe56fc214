package dev.engram.store;

import dev.engram.embed.HashingEmbedder;
import dev.engram.model.ItemKind;
import dev.engram.model.Lifecycle;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import java.time.Instant;
import java.util.List;

/**
 * Builds {@link MemoryItem}s for store tests. Every default is here: session {@code s1}, an
 * episode at sequence 0/0, event and ingest time {@link #T0}, key = text, no source ids, hash
 * {@code hash-<id>}, and the {@link #EMBEDDER}'s vector of the key.
 */
public final class TestItem {
  /** The embedder every store test writes with: 64 dimensions, model id {@code hashing-64}. */
  public static final HashingEmbedder EMBEDDER = new HashingEmbedder(64);
  /** The default event time. */
  public static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

  private final SubjectRef owner;
  private final String id;
  private String session = "s1";
  private ItemKind kind = ItemKind.EPISODE;
  private long subjectSeq;
  private long sessionSeq;
  private Instant eventTime = T0;
  private Instant ingestTime = T0;
  private String text;
  private String key;
  private List<String> sourceIds = List.of();
  private String contentHash;
  private float[] embedding;
  private Lifecycle lifecycle = Lifecycle.DEFAULT;

  private TestItem(SubjectRef owner, String id, String text) {
    this.owner = owner;
    this.id = id;
    this.text = text;
    this.contentHash = "hash-" + id;
  }

  /** An item of {@code owner} with this id and text (the key defaults to the text). */
  public static TestItem item(SubjectRef owner, String id, String text) {
    return new TestItem(owner, id, text);
  }

  public TestItem session(String value) {
    this.session = value;
    return this;
  }

  public TestItem kind(ItemKind value) {
    this.kind = value;
    return this;
  }

  public TestItem seq(long subjectSeqValue, long sessionSeqValue) {
    this.subjectSeq = subjectSeqValue;
    this.sessionSeq = sessionSeqValue;
    return this;
  }

  public TestItem at(Instant value) {
    this.eventTime = value;
    return this;
  }

  public TestItem ingestedAt(Instant value) {
    this.ingestTime = value;
    return this;
  }

  public TestItem key(String value) {
    this.key = value;
    return this;
  }

  public TestItem sources(String... values) {
    this.sourceIds = List.of(values);
    return this;
  }

  public TestItem hash(String value) {
    this.contentHash = value;
    return this;
  }

  public TestItem lifecycle(Lifecycle value) {
    this.lifecycle = value;
    return this;
  }

  /** Overrides the vector (e.g. with one of the wrong dimension, or null). */
  public TestItem embedding(float[] value) {
    this.embedding = value;
    return this;
  }

  public MemoryItem build() {
    String indexKey = key == null ? text : key;
    float[] vector = embedding != null ? embedding : EMBEDDER.embedQuery(indexKey);
    return new MemoryItem(id, owner, session, kind, sessionSeq, subjectSeq, eventTime, ingestTime,
        text, indexKey, sourceIds, contentHash, vector, lifecycle);
  }

  /** Builds an item without any vector (which stores must reject). */
  public MemoryItem buildWithoutEmbedding() {
    return build().withoutEmbedding();
  }
}
