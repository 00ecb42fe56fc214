package dev.engram.lucene;

import dev.engram.model.ItemKind;
import dev.engram.model.Lifecycle;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.model.Tier;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * Maps a {@link MemoryItem} to one Lucene document and back. The field names are the on-disk
 * format: renaming one is a format version change.
 */
final class ItemDocuments {
  /** Update key: tenant, subject and id joined by NUL; not stored. */
  static final String UID = "uid";
  /** Scoping key: tenant and subject joined by NUL; not stored. */
  static final String OWNER = "owner";
  static final String ID = "id";
  static final String TENANT = "tenant";
  static final String SUBJECT = "subject";
  static final String SESSION = "session";
  static final String KIND = "kind";
  static final String CONTENT_HASH = "contentHash";
  static final String SUBJECT_SEQ = "subjectSeq";
  static final String SESSION_SEQ = "sessionSeq";
  /** Epoch millis (points, doc values, stored); the sub-millisecond rest is in EVENT_NANOS. */
  static final String EVENT_TIME = "eventTime";
  static final String EVENT_NANOS = "eventNanos";
  static final String INGEST_TIME = "ingestTime";
  static final String INGEST_NANOS = "ingestNanos";
  static final String TOKENS = "tokens";
  static final String TEXT = "text";
  /** What BM25 sees: analysed with the store's EnglishAnalyzer. */
  static final String KEY = "key";
  static final String VECTOR = "vector";
  static final String SOURCE_ID = "sourceId";
  /** Indexed and stored only on cold items ({@code COLD}); hot items have no tier field. */
  static final String TIER = "tier";
  /** Indexed ({@code 1}) only on superseded items; current items have no such field. */
  static final String SUPERSEDED = "superseded";
  /** A cold item's vector, stored as little-endian floats (it has no HNSW entry). */
  static final String COLD_VECTOR = "coldVector";
  /** A cold item's key, stored only (a separate field: Lucene fixes a field's index options). */
  static final String COLD_KEY = "coldKey";
  static final String PINNED = "pinned";
  static final String ATTRIBUTE = "attribute";
  static final String VALID_FROM = "validFrom";
  static final String VALID_TO = "validTo";
  static final String SUPERSEDED_BY = "supersededBy";
  static final String SALIENCE = "salience";
  static final String ACCESS_COUNT = "accessCount";
  static final String LAST_ACCESS = "lastAccess";

  private static final char SEPARATOR = '\u0000';

  private ItemDocuments() {}

  /** The scoping term of a subject; identifiers have no control characters, so NUL is safe. */
  static String owner(SubjectRef owner) {
    return owner.tenant() + SEPARATOR + owner.subject();
  }

  /** The prefix of every owner term of {@code tenant}. */
  static String ownerPrefix(String tenant) {
    return tenant + SEPARATOR;
  }

  /** The subject named by an owner term. */
  static String subjectOf(String ownerTerm) {
    return ownerTerm.substring(ownerTerm.indexOf(SEPARATOR) + 1);
  }

  static String uid(SubjectRef owner, String id) {
    return owner(owner) + SEPARATOR + id;
  }

  /**
   * The document of {@code item}.
   *
   * @throws IllegalArgumentException naming the item if a value cannot be indexed (a term longer
   *     than Lucene's limit, a time outside epoch-millisecond range, a non-finite vector value)
   */
  static Document toDocument(MemoryItem item) {
    String uid = uid(item.owner(), item.id());
    requireTermLength(item, "id", uid);
    requireTermLength(item, "contentHash", item.contentHash());
    Document doc = new Document();
    doc.add(new StringField(UID, uid, Field.Store.NO));
    doc.add(new StringField(OWNER, owner(item.owner()), Field.Store.NO));
    doc.add(new StringField(ID, item.id(), Field.Store.YES));
    doc.add(new StringField(TENANT, item.owner().tenant(), Field.Store.YES));
    doc.add(new StringField(SUBJECT, item.owner().subject(), Field.Store.YES));
    doc.add(new StringField(SESSION, item.session(), Field.Store.YES));
    doc.add(new StringField(KIND, item.kind().name(), Field.Store.YES));
    doc.add(new StringField(CONTENT_HASH, item.contentHash(), Field.Store.YES));
    addLong(doc, SUBJECT_SEQ, item.subjectSeq());
    addLong(doc, SESSION_SEQ, item.sessionSeq());
    addInstant(doc, item, EVENT_TIME, EVENT_NANOS, item.eventTime());
    addInstant(doc, item, INGEST_TIME, INGEST_NANOS, item.ingestTime());
    addLong(doc, TOKENS, item.tokens());
    doc.add(new StoredField(TEXT, item.text()));
    for (String source : item.sourceIds()) {
      doc.add(new StoredField(SOURCE_ID, source));
    }
    addLifecycle(doc, item);
    if (item.lifecycle().tier() == Tier.COLD) {
      // Out of the search indexes: the key only stored, the vector kept for warming it again.
      doc.add(new StoredField(COLD_KEY, item.key()));
      doc.add(new StoredField(COLD_VECTOR, toBytes(item)));
      return doc;
    }
    doc.add(new TextField(KEY, item.key(), Field.Store.YES));
    try {
      doc.add(new KnnFloatVectorField(
          VECTOR, item.embedding(), VectorSimilarityFunction.DOT_PRODUCT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "embedding of item " + item.id() + ": " + e.getMessage(), e);
    }
    return doc;
  }

  private static void addLifecycle(Document doc, MemoryItem item) {
    Lifecycle state = item.lifecycle();
    if (state.tier() == Tier.COLD) {
      doc.add(new StringField(TIER, Tier.COLD.name(), Field.Store.YES));
    }
    if (!state.current()) {
      doc.add(new StringField(SUPERSEDED, "1", Field.Store.NO));
    }
    if (state.pinned()) {
      doc.add(new StoredField(PINNED, 1));
    }
    if (state.attribute() != null) {
      doc.add(new StoredField(ATTRIBUTE, state.attribute()));
    }
    if (state.supersededBy() != null) {
      doc.add(new StoredField(SUPERSEDED_BY, state.supersededBy()));
    }
    storeInstant(doc, item, VALID_FROM, state.validFrom());
    storeInstant(doc, item, VALID_TO, state.validTo());
    storeInstant(doc, item, LAST_ACCESS, state.lastAccess());
    if (state.salience() != 0) {
      doc.add(new StoredField(SALIENCE, state.salience()));
    }
    if (state.accessCount() != 0) {
      doc.add(new StoredField(ACCESS_COUNT, state.accessCount()));
    }
  }

  /** The lifecycle stored in {@code doc}; documents written before lifecycles get the default. */
  static Lifecycle lifecycle(Document doc) {
    String tier = doc.get(TIER);
    return new Lifecycle(tier == null ? Tier.HOT : Tier.valueOf(tier), doc.getField(PINNED) != null,
        doc.get(ATTRIBUTE), storedInstant(doc, VALID_FROM), storedInstant(doc, VALID_TO),
        doc.get(SUPERSEDED_BY),
        doc.getField(SALIENCE) == null ? 0 : doc.getField(SALIENCE).numericValue().doubleValue(),
        doc.getField(ACCESS_COUNT) == null ? 0 : longValue(doc, ACCESS_COUNT),
        storedInstant(doc, LAST_ACCESS));
  }

  /** Seconds and nanos in two stored longs ({@code name} and {@code name.n}); absent when null. */
  private static void storeInstant(Document doc, MemoryItem item, String name, Instant time) {
    if (time != null) {
      doc.add(new StoredField(name, time.getEpochSecond()));
      doc.add(new StoredField(name + ".n", time.getNano()));
    }
  }

  private static Instant storedInstant(Document doc, String name) {
    return doc.getField(name) == null ? null
        : Instant.ofEpochSecond(longValue(doc, name), longValue(doc, name + ".n"));
  }

  /** The vector a cold document keeps in a stored field, or null for a hot one. */
  static float[] coldVector(Document doc) {
    org.apache.lucene.util.BytesRef bytes = doc.getBinaryValue(COLD_VECTOR);
    if (bytes == null) {
      return null;
    }
    ByteBuffer buffer =
        ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN);
    float[] vector = new float[bytes.length / Float.BYTES];
    buffer.asFloatBuffer().get(vector);
    return vector;
  }

  private static byte[] toBytes(MemoryItem item) {
    ByteBuffer buffer = ByteBuffer.allocate(item.embedding().length * Float.BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
    buffer.asFloatBuffer().put(item.embedding());
    return buffer.array();
  }

  /** The item a stored document holds, without its vector. */
  static MemoryItem toItem(Document doc) {
    return new MemoryItem(doc.get(ID), new SubjectRef(doc.get(TENANT), doc.get(SUBJECT)),
        doc.get(SESSION), ItemKind.valueOf(doc.get(KIND)), longValue(doc, SESSION_SEQ),
        longValue(doc, SUBJECT_SEQ), instant(doc, EVENT_TIME, EVENT_NANOS),
        instant(doc, INGEST_TIME, INGEST_NANOS), doc.get(TEXT),
        doc.get(KEY) != null ? doc.get(KEY) : doc.get(COLD_KEY),
        List.of(doc.getValues(SOURCE_ID)), doc.get(CONTENT_HASH), null, lifecycle(doc));
  }

  private static void addLong(Document doc, String name, long value) {
    doc.add(new LongPoint(name, value));
    doc.add(new NumericDocValuesField(name, value));
    doc.add(new StoredField(name, value));
  }

  private static void addInstant(
      Document doc, MemoryItem item, String millisField, String nanosField, Instant time) {
    long millis;
    try {
      millis = time.toEpochMilli();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          millisField + " of item " + item.id() + " is out of range: " + time, e);
    }
    addLong(doc, millisField, millis);
    doc.add(new StoredField(nanosField, time.getNano() % 1_000_000));
  }

  private static long longValue(Document doc, String name) {
    return doc.getField(name).numericValue().longValue();
  }

  private static Instant instant(Document doc, String millisField, String nanosField) {
    return Instant.ofEpochMilli(longValue(doc, millisField)).plusNanos(longValue(doc, nanosField));
  }

  private static void requireTermLength(MemoryItem item, String name, String value) {
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > IndexWriter.MAX_TERM_LENGTH) {
      throw new IllegalArgumentException(name + " of item " + item.id() + " is too long to index: "
          + bytes + " UTF-8 bytes, at most " + IndexWriter.MAX_TERM_LENGTH);
    }
  }
}
