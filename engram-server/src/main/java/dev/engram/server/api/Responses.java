package dev.engram.server.api;

import dev.engram.model.MemoryItem;
import dev.engram.read.Context;
import dev.engram.read.PackedItem;
import dev.engram.reader.Answer;
import dev.engram.reader.Citation;
import dev.engram.store.AuditEvent;
import dev.engram.write.RememberResult;
import java.util.List;

/** The JSON response bodies of the REST API. */
final class Responses {
  private Responses() {}

  record Remembered(int added, List<String> addedIds, int skippedDuplicates) {
    static Remembered of(RememberResult result) {
      return new Remembered(result.added(), result.addedIds(), result.skippedDuplicates());
    }
  }

  record Item(String id, String session, String kind, long sessionSeq, long subjectSeq,
      String eventTime, String ingestTime, String text, List<String> sourceIds) {
    static Item of(MemoryItem item) {
      return new Item(item.id(), item.session(), item.kind().name().toLowerCase(java.util.Locale.ROOT),
          item.sessionSeq(), item.subjectSeq(), item.eventTime().toString(),
          item.ingestTime().toString(), item.text(), item.sourceIds());
    }
  }

  record Packed(int position, String reason, int rank, int tokens, Item item) {}

  record Recalled(String query, String mode, int tokens, int budget, String context,
      List<Packed> items) {
    static Recalled of(Context context) {
      List<PackedItem> packed = context.items();
      List<Packed> out = new java.util.ArrayList<>(packed.size());
      for (int i = 0; i < packed.size(); i++) {
        PackedItem p = packed.get(i);
        out.add(new Packed(i + 1, p.reason().name().toLowerCase(java.util.Locale.ROOT), p.rank(), p.tokens(),
            Item.of(p.item())));
      }
      return new Recalled(context.query(), context.mode().name().toLowerCase(java.util.Locale.ROOT), context.tokens(),
          context.budget(), context.text(), out);
    }
  }

  record Cited(String itemId, String session, List<String> sourceIds, String quote) {
    static Cited of(Citation c) {
      return new Cited(c.itemId(), c.session(), c.sourceIds(), c.quote());
    }
  }

  record Answered(String answer, boolean abstained, double confidence, String producedBy,
      List<Cited> citations) {
    static Answered of(Answer a) {
      return new Answered(a.text(), a.abstained(), a.confidence(), a.producedBy(),
          a.citations().stream().map(Cited::of).toList());
    }
  }

  record Items(String subject, List<Item> items, Long next) {}

  record Event(long version, String time, String action, List<String> itemIds,
      List<String> causeIds, String actor, String reason) {
    static Event of(AuditEvent e) {
      return new Event(e.version(), e.time().toString(),
          e.action().name().toLowerCase(java.util.Locale.ROOT), e.itemIds(), e.causeIds(),
          e.actor(), e.reason());
    }
  }

  record History(String subject, List<Event> events, Long next) {}

  record SessionSummary(String id, long items, String firstEventTime, String lastEventTime) {}

  record Sessions(String subject, List<SessionSummary> sessions) {}

  record Forgotten(int deleted) {}

  record SubjectCounts(String subject, long items, long tokens) {}

  record Subjects(List<String> subjects) {}

  record TenantStats(String tenant, long subjects, long items, long tokens, String embedder,
      int dimension) {}
}
