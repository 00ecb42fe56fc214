package dev.engram.solr;

import dev.engram.model.SubjectRef;
import dev.engram.store.AuditAction;
import dev.engram.store.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Maps an {@link AuditEvent} to a Solr document and back. Audit documents live beside their
 * subject's items (same route prefix, so the same shard) but have none of the item fields
 * ({@code owner}, {@code tenant}, ...): no item read, count or delete can match them, so deleting
 * a subject leaves its log. Their id is {@code <owner>!%ZZaudit-<version>}, which no escaped item
 * id can equal ({@code %} is always followed by two hex digits there).
 */
final class AuditDocuments {
  static final String OWNER = "auditOwner";
  static final String TENANT = "auditTenant";
  static final String SUBJECT = "auditSubject";
  static final String VERSION = "auditVersion";
  static final String TIME = "auditTime";
  static final String ACTION = "auditAction";
  static final String ITEM_ID = "auditItemId";
  static final String CAUSE_ID = "auditCauseId";
  static final String ACTOR = "auditActor";
  static final String REASON = "auditReason";
  static final String FIELDS = String.join(",", TENANT, SUBJECT, VERSION, TIME, ACTION, ITEM_ID,
      CAUSE_ID, ACTOR, REASON);

  private AuditDocuments() {}

  static String docId(SubjectRef owner, long version) {
    return ItemDocuments.route(owner) + "%ZZaudit-" + version;
  }

  static SolrInputDocument toDocument(AuditEvent event) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.setField(ItemDocuments.ID, docId(event.owner(), event.version()));
    doc.setField(OWNER, ItemDocuments.owner(event.owner()));
    doc.setField(TENANT, event.owner().tenant());
    doc.setField(SUBJECT, event.owner().subject());
    doc.setField(VERSION, event.version());
    doc.setField(TIME, event.time().toString());
    doc.setField(ACTION, event.action().name());
    if (!event.itemIds().isEmpty()) {
      doc.setField(ITEM_ID, new ArrayList<>(event.itemIds()));
    }
    if (!event.causeIds().isEmpty()) {
      doc.setField(CAUSE_ID, new ArrayList<>(event.causeIds()));
    }
    doc.setField(ACTOR, event.actor());
    doc.setField(REASON, event.reason());
    // optimistic concurrency: the document must not exist yet, so two writers never both get
    // the same version
    doc.setField("_version_", -1L);
    return doc;
  }

  static AuditEvent toEvent(SolrDocument doc) {
    return new AuditEvent(
        new SubjectRef(doc.getFirstValue(TENANT).toString(),
            doc.getFirstValue(SUBJECT).toString()),
        ((Number) doc.getFirstValue(VERSION)).longValue(),
        Instant.parse(doc.getFirstValue(TIME).toString()),
        AuditAction.valueOf(doc.getFirstValue(ACTION).toString()),
        strings(doc.getFieldValues(ITEM_ID)), strings(doc.getFieldValues(CAUSE_ID)),
        doc.getFirstValue(ACTOR).toString(),
        doc.getFirstValue(REASON) == null ? "" : doc.getFirstValue(REASON).toString());
  }

  private static List<String> strings(Collection<Object> values) {
    return values == null ? List.of() : values.stream().map(Object::toString).toList();
  }
}
