package dev.engram.lucene;

import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
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
    doc.add(new TextField(KEY, item.key(), Field.Store.YES));
    for (String source : item.sourceIds()) {
      doc.add(new StoredField(SOURCE_ID, source));
    }
    try {
      doc.add(new KnnFloatVectorField(
          VECTOR, item.embedding(), VectorSimilarityFunction.DOT_PRODUCT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "embedding of item " + item.id() + ": " + e.getMessage(), e);
    }
    return doc;
  }

  /** The item a stored document holds, without its vector. */
  static MemoryItem toItem(Document doc) {
    return new MemoryItem(doc.get(ID), new SubjectRef(doc.get(TENANT), doc.get(SUBJECT)),
        doc.get(SESSION), ItemKind.valueOf(doc.get(KIND)), longValue(doc, SESSION_SEQ),
        longValue(doc, SUBJECT_SEQ), instant(doc, EVENT_TIME, EVENT_NANOS),
        instant(doc, INGEST_TIME, INGEST_NANOS), doc.get(TEXT), doc.get(KEY),
        List.of(doc.getValues(SOURCE_ID)), doc.get(CONTENT_HASH), null);
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
