package dev.engram.lucene;

import dev.engram.model.SubjectRef;
import dev.engram.store.AuditAction;
import dev.engram.store.AuditEvent;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;

/**
 * Maps an {@link AuditEvent} to a Lucene document of the same index and back. Audit documents
 * have no {@code owner}, {@code uid} or {@code subjectSeq} field, so no item query, delete or count
 * ever matches them: they survive every forget. They hold ids, never item text.
 */
final class AuditDocuments {
  /** Scoping key of an audit event: tenant NUL subject; not stored. */
  static final String AUDIT_OWNER = "auditOwner";
  /** The subject's version after the event (points, doc values, stored). */
  static final String AUDIT_VERSION = "auditVersion";
  private static final String TENANT = "auditTenant";
  private static final String SUBJECT = "auditSubject";
  private static final String TIME_SECONDS = "auditTime";
  private static final String TIME_NANOS = "auditTime.n";
  private static final String ACTION = "auditAction";
  private static final String ITEM = "auditItem";
  private static final String CAUSE = "auditCause";
  private static final String ACTOR = "auditActor";
  private static final String REASON = "auditReason";

  private AuditDocuments() {}

  static Document toDocument(AuditEvent event) {
    Document doc = new Document();
    doc.add(new StringField(AUDIT_OWNER, ItemDocuments.owner(event.owner()), Field.Store.NO));
    doc.add(new LongPoint(AUDIT_VERSION, event.version()));
    doc.add(new NumericDocValuesField(AUDIT_VERSION, event.version()));
    doc.add(new StoredField(AUDIT_VERSION, event.version()));
    doc.add(new StoredField(TENANT, event.owner().tenant()));
    doc.add(new StoredField(SUBJECT, event.owner().subject()));
    doc.add(new StoredField(TIME_SECONDS, event.time().getEpochSecond()));
    doc.add(new StoredField(TIME_NANOS, event.time().getNano()));
    doc.add(new StoredField(ACTION, event.action().name()));
    event.itemIds().forEach(id -> doc.add(new StoredField(ITEM, id)));
    event.causeIds().forEach(id -> doc.add(new StoredField(CAUSE, id)));
    doc.add(new StoredField(ACTOR, event.actor()));
    doc.add(new StoredField(REASON, event.reason()));
    return doc;
  }

  static AuditEvent toEvent(Document doc) {
    return new AuditEvent(new SubjectRef(doc.get(TENANT), doc.get(SUBJECT)),
        number(doc, AUDIT_VERSION),
        Instant.ofEpochSecond(number(doc, TIME_SECONDS), number(doc, TIME_NANOS)),
        AuditAction.valueOf(doc.get(ACTION)), List.of(doc.getValues(ITEM)),
        List.of(doc.getValues(CAUSE)), doc.get(ACTOR), doc.get(REASON));
  }

  private static long number(Document doc, String field) {
    return doc.getField(field).numericValue().longValue();
  }
}
