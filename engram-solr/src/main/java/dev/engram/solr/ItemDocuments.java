package dev.engram.solr;

import dev.engram.model.ItemKind;
import dev.engram.model.Lifecycle;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.model.Tier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Maps a {@link MemoryItem} to one Solr document and back, and makes the routing keys. The field
 * names are the schema ({@code configset/schema.xml}): renaming one is a schema version change.
 *
 * <p><b>Ids and routing.</b> The owner key is {@code esc(tenant) + ':' + esc(subject)} and the
 * document id {@code owner + '!' + esc(itemId)}, where {@code esc} percent-encodes {@code %},
 * {@code !}, {@code /}, {@code :} and control characters. So the id has exactly two
 * compositeId parts whatever the identifiers hold, the router puts all of a subject's items in
 * one 1/65536 slice of the hash ring (one shard), and {@code _route_=owner!} sends a subject's
 * reads to that shard only.
 */
final class ItemDocuments {
  static final String ID = "id";
  static final String OWNER = "owner";
  static final String ITEM_ID = "itemId";
  static final String TENANT = "tenant";
  static final String SUBJECT = "subject";
  static final String SESSION = "session";
  static final String KIND = "kind";
  static final String CONTENT_HASH = "contentHash";
  static final String SUBJECT_SEQ = "subjectSeq";
  static final String SESSION_SEQ = "sessionSeq";
  static final String EVENT_TIME = "eventTime";
  static final String EVENT_NANOS = "eventNanos";
  static final String INGEST_TIME = "ingestTime";
  static final String INGEST_NANOS = "ingestNanos";
  static final String TOKENS = "tokens";
  static final String TEXT = "text";
  static final String KEY = "key";
  static final String SOURCE_ID = "sourceId";
  static final String VECTOR = "vector";
  static final String TIER = "tier";
  static final String CURRENT = "current";
  static final String PINNED = "pinned";
  static final String ATTRIBUTE = "attribute";
  static final String VALID_FROM = "validFrom";
  static final String VALID_TO = "validTo";
  static final String SUPERSEDED_BY = "supersededBy";
  static final String SALIENCE = "salience";
  static final String ACCESS_COUNT = "accessCount";
  static final String LAST_ACCESS = "lastAccess";
  /** Stored fields read back into an item (everything but the vector). */
  static final String FIELDS = String.join(",", ITEM_ID, TENANT, SUBJECT, SESSION, KIND,
      CONTENT_HASH, SUBJECT_SEQ, SESSION_SEQ, EVENT_TIME, EVENT_NANOS, INGEST_TIME, INGEST_NANOS,
      TEXT, KEY, SOURCE_ID, TIER, PINNED, ATTRIBUTE, VALID_FROM, VALID_TO, SUPERSEDED_BY, SALIENCE,
      ACCESS_COUNT, LAST_ACCESS);
  /** Lucene's limit on one indexed term, in UTF-8 bytes. */
  static final int MAX_TERM_BYTES = 32766;

  private ItemDocuments() {}

  /** The scoping and routing key of a subject. */
  static String owner(SubjectRef owner) {
    return escape(owner.tenant()) + ':' + escape(owner.subject());
  }

  /** The {@code _route_} value of a subject: its owner key as a compositeId prefix. */
  static String route(SubjectRef owner) {
    return owner(owner) + '!';
  }

  static String docId(SubjectRef owner, String itemId) {
    return route(owner) + escape(itemId);
  }

  /**
   * The document of {@code item}.
   *
   * @throws IllegalArgumentException naming the item if a value cannot be indexed (a term longer
   *     than Lucene's limit, a time outside epoch-millisecond range, a non-finite vector value)
   */
  static SolrInputDocument toDocument(MemoryItem item) {
    String id = docId(item.owner(), item.id());
    requireTermLength(item, "id", id);
    requireTermLength(item, "contentHash", item.contentHash());
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(ID, id);
    doc.setField(OWNER, owner(item.owner()));
    doc.setField(ITEM_ID, item.id());
    doc.setField(TENANT, item.owner().tenant());
    doc.setField(SUBJECT, item.owner().subject());
    doc.setField(SESSION, item.session());
    doc.setField(KIND, item.kind().name());
    doc.setField(CONTENT_HASH, item.contentHash());
    doc.setField(SUBJECT_SEQ, item.subjectSeq());
    doc.setField(SESSION_SEQ, item.sessionSeq());
    doc.setField(EVENT_TIME, millis(item, EVENT_TIME, item.eventTime()));
    doc.setField(EVENT_NANOS, item.eventTime().getNano() % 1_000_000);
    doc.setField(INGEST_TIME, millis(item, INGEST_TIME, item.ingestTime()));
    doc.setField(INGEST_NANOS, item.ingestTime().getNano() % 1_000_000);
    doc.setField(TOKENS, (long) item.tokens());
    doc.setField(TEXT, item.text());
    doc.setField(KEY, item.key());
    if (!item.sourceIds().isEmpty()) {
      doc.setField(SOURCE_ID, new ArrayList<>(item.sourceIds()));
    }
    doc.setField(VECTOR, vector(item));
    Lifecycle life = item.lifecycle();
    doc.setField(TIER, life.tier().name());
    doc.setField(CURRENT, life.current());
    doc.setField(PINNED, life.pinned());
    setIfPresent(doc, ATTRIBUTE, life.attribute());
    setIfPresent(doc, VALID_FROM, life.validFrom());
    setIfPresent(doc, VALID_TO, life.validTo());
    setIfPresent(doc, SUPERSEDED_BY, life.supersededBy());
    doc.setField(SALIENCE, life.salience());
    doc.setField(ACCESS_COUNT, life.accessCount());
    setIfPresent(doc, LAST_ACCESS, life.lastAccess());
    return doc;
  }

  /** The stored vector of a document read with {@code fl=...,vector}. */
  static float[] storedVector(SolrDocument doc) {
    Collection<Object> values = doc.getFieldValues(VECTOR);
    if (values == null) {
      throw new IllegalStateException("stored document " + doc.getFirstValue(ID) + " has no "
          + "stored vector");
    }
    float[] vector = new float[values.size()];
    int i = 0;
    for (Object value : values) {
      vector[i++] = ((Number) value).floatValue();
    }
    return vector;
  }

  private static void setIfPresent(SolrInputDocument doc, String field, Object value) {
    if (value != null) {
      doc.setField(field, value.toString());
    }
  }

  /** The item a stored document holds, without its vector. */
  static MemoryItem toItem(SolrDocument doc) {
    Collection<Object> sources = doc.getFieldValues(SOURCE_ID);
    List<String> sourceIds = sources == null ? List.of()
        : sources.stream().map(Object::toString).toList();
    return new MemoryItem(string(doc, ITEM_ID),
        new SubjectRef(string(doc, TENANT), string(doc, SUBJECT)), string(doc, SESSION),
        ItemKind.valueOf(string(doc, KIND)), number(doc, SESSION_SEQ), number(doc, SUBJECT_SEQ),
        instant(doc, EVENT_TIME, EVENT_NANOS), instant(doc, INGEST_TIME, INGEST_NANOS),
        string(doc, TEXT), string(doc, KEY), sourceIds, string(doc, CONTENT_HASH), null,
        lifecycle(doc));
  }

  private static Lifecycle lifecycle(SolrDocument doc) {
    Object salience = doc.getFirstValue(SALIENCE);
    return new Lifecycle(Tier.valueOf(string(doc, TIER)),
        Boolean.TRUE.equals(doc.getFirstValue(PINNED)), optional(doc, ATTRIBUTE),
        optionalInstant(doc, VALID_FROM), optionalInstant(doc, VALID_TO),
        optional(doc, SUPERSEDED_BY), salience == null ? 0 : ((Number) salience).doubleValue(),
        number(doc, ACCESS_COUNT), optionalInstant(doc, LAST_ACCESS));
  }

  private static String optional(SolrDocument doc, String field) {
    Object value = doc.getFirstValue(field);
    return value == null ? null : value.toString();
  }

  private static Instant optionalInstant(SolrDocument doc, String field) {
    String value = optional(doc, field);
    return value == null ? null : Instant.parse(value);
  }

  /** A vector in the knn parser's syntax: {@code [f1,f2,...]}, each float exact. */
  static String vectorLiteral(float[] vector) {
    StringBuilder out = new StringBuilder(vector.length * 12).append('[');
    for (int i = 0; i < vector.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(vector[i]);
    }
    return out.append(']').toString();
  }

  /**
   * Percent-encodes {@code %}, {@code !} (compositeId separator), {@code /} (compositeId bits
   * marker), {@code :} (owner separator), {@code ,} and control characters.
   */
  static String escape(String value) {
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean special = c == '%' || c == '!' || c == '/' || c == ':' || c == ','
          || Character.isISOControl(c);
      if (special && out == null) {
        out = new StringBuilder(value.length() + 8).append(value, 0, i);
      }
      if (out != null) {
        if (special) {
          out.append('%').append(String.format("%02X", (int) c)); // all special chars are < 0x100
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? value : out.toString();
  }

  private static List<Float> vector(MemoryItem item) {
    float[] embedding = item.embedding();
    List<Float> values = new ArrayList<>(embedding.length);
    for (float value : embedding) {
      if (!Float.isFinite(value)) {
        throw new IllegalArgumentException(
            "embedding of item " + item.id() + " has a non-finite value: " + value);
      }
      values.add(value);
    }
    return values;
  }

  private static long millis(MemoryItem item, String field, Instant time) {
    try {
      return time.toEpochMilli();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          field + " of item " + item.id() + " is out of range: " + time, e);
    }
  }

  private static String string(SolrDocument doc, String field) {
    Object value = doc.getFirstValue(field);
    if (value == null) {
      throw new IllegalStateException("stored document " + doc.getFirstValue(ID) + " has no "
          + field + "; the collection was not written by Engram");
    }
    return value.toString();
  }

  private static long number(SolrDocument doc, String field) {
    Object value = doc.getFirstValue(field);
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("stored document has no numeric " + field);
    }
    return number.longValue();
  }

  private static Instant instant(SolrDocument doc, String millisField, String nanosField) {
    return Instant.ofEpochMilli(number(doc, millisField)).plusNanos(number(doc, nanosField));
  }

  private static void requireTermLength(MemoryItem item, String name, String value) {
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_TERM_BYTES) {
      throw new IllegalArgumentException(name + " of item " + item.id() + " is too long to index: "
          + bytes + " UTF-8 bytes, at most " + MAX_TERM_BYTES);
    }
  }
}
