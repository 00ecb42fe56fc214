package dev.engram.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.engram.EngramException;
import dev.engram.embed.HashingEmbedder;
import dev.engram.lucene.LuceneMemoryStore;
import dev.engram.model.ItemKind;
import dev.engram.model.Lifecycle;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.model.Tier;
import dev.engram.solr.SolrMemoryStore;
import dev.engram.solr.SolrStoreConfig;
import dev.engram.solr.SolrTestClusterAccess;
import dev.engram.store.AuditAction;
import dev.engram.store.AuditEvent;
import dev.engram.store.ItemFilter;
import dev.engram.store.MemoryStore;
import dev.engram.store.ScoredItem;
import dev.engram.store.TestItem;
import dev.engram.write.Segment;
import dev.engram.write.WritePipeline;
import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A subject goes Lucene -> SolrCloud -> Lucene through export files and comes back unchanged. */
class MemoryExportRoundTripTest {
  private static final HashingEmbedder EMBEDDER = TestItem.EMBEDDER;
  private static final SubjectRef ALICE = new SubjectRef("t1", "alice");
  private static final Instant T0 = TestItem.T0;

  @TempDir Path dir;

  @Test
  void should_move_a_subject_from_lucene_to_solr_and_back_without_loss() {
    // given: a Lucene store with every kind of item state, and an audit log
    SolrStoreConfig solrConfig = SolrTestClusterAccess.collection("migrate", EMBEDDER.info());
    String original;
    List<MemoryItem> written = List.of(
        TestItem.item(ALICE, "ep-1", "user: I adopted a beagle called Zoë\nassistant: ☕!")
            .key("I adopted a beagle called Zoë dog").session("chat-7").seq(0, 0)
            .at(Instant.parse("2023-11-02T08:15:30.123456789Z")).sources("D1:1", "D1:2").build(),
        TestItem.item(ALICE, "fact-old", "home city: Porto").kind(ItemKind.FACT).seq(1, 0)
            .lifecycle(Lifecycle.fact("home city", T0).supersededAt(T0.plusSeconds(60), "fact-new"))
            .build(),
        TestItem.item(ALICE, "fact-new", "home city: Lisbon").kind(ItemKind.FACT).seq(2, 1)
            .lifecycle(Lifecycle.fact("home city", T0.plusSeconds(60)).withPinned(true)
                .withSalience(0.75).accessed(T0.plusSeconds(90))).build(),
        TestItem.item(ALICE, "cold", "an old kayak trip").seq(3, 2)
            .lifecycle(Lifecycle.DEFAULT.withTier(Tier.COLD)).build());
    try (MemoryStore lucene = LuceneMemoryStore.open(dir.resolve("a"), EMBEDDER.info(), false)) {
      lucene.add(written);
      lucene.appendAudit(AuditEvent.of(ALICE, T0, AuditAction.REMEMBER, List.of("ep-1"),
          List.of(), "cli:ingest", "chat.jsonl"));
      lucene.appendAudit(AuditEvent.of(ALICE, T0.plusSeconds(60), AuditAction.SUPERSEDE,
          List.of("fact-old"), List.of("fact-new"), "api", ""));
      original = export(lucene);
    }

    // when: into SolrCloud, out again, into a new Lucene store, out again
    String fromSolr;
    try (MemoryStore solr = SolrMemoryStore.open(solrConfig, EMBEDDER.info(), false)) {
      MemoryExport.Counts in = MemoryExport.read(solr, ALICE, EMBEDDER, reader(original), "a");
      assertThat(in).isEqualTo(new MemoryExport.Counts(4, 2, false));
      fromSolr = export(solr);
      assertThat(ids(solr.items(ALICE, ItemFilter.ANY, 10)))
          .containsExactly("ep-1", "fact-old", "fact-new", "cold");
    }
    String back;
    try (MemoryStore lucene = LuceneMemoryStore.open(dir.resolve("b"), EMBEDDER.info(), false)) {
      MemoryExport.read(lucene, ALICE, EMBEDDER, reader(fromSolr), "solr");
      back = export(lucene);

      // then: every item, field by field, and the audit log, as written
      for (MemoryItem item : written) {
        assertThat(lucene.get(ALICE, item.id()).orElseThrow()).usingRecursiveComparison()
            .ignoringFields("embedding").isEqualTo(item);
      }
      assertThat(lucene.audit(ALICE, 1, 10)).extracting(AuditEvent::version,
          AuditEvent::action).containsExactly(
              org.assertj.core.groups.Tuple.tuple(1L, AuditAction.REMEMBER),
              org.assertj.core.groups.Tuple.tuple(2L, AuditAction.SUPERSEDE));
    }
    assertThat(fromSolr).isEqualTo(original);
    assertThat(back).isEqualTo(original);
    assertThat(original.lines()).hasSize(1 + 4 + 2);
  }

  @Test
  void should_write_nothing_from_a_file_with_a_bad_line() {
    // given: a valid header and item, then a line that is not JSON
    String good;
    try (MemoryStore lucene = LuceneMemoryStore.open(dir.resolve("c"), EMBEDDER.info(), false)) {
      lucene.add(List.of(TestItem.item(ALICE, "a", "kayak").build()));
      good = export(lucene);
    }
    String bad = good + "{not json\n";

    // when / then
    try (MemoryStore lucene = LuceneMemoryStore.open(dir.resolve("d"), EMBEDDER.info(), false)) {
      assertThatThrownBy(() -> MemoryExport.read(lucene, ALICE, EMBEDDER, reader(bad), "bad.jsonl"))
          .isInstanceOf(EngramException.class).hasMessageStartingWith("bad.jsonl:3: not JSON");
      assertThat(lucene.stats().items()).isZero();
    }
  }

  @Test
  void should_export_the_vector_each_episode_was_stored_with() throws Exception {
    // given: long rounds remembered through the write pipeline, whose keys (user lines weighed,
    // a neighbour's line) and embedding inputs (user lines first, reply cut) both differ from
    // their text
    String reply = "\nassistant: " + "That is lovely news, tell me more about it. ".repeat(20);
    try (MemoryStore lucene = LuceneMemoryStore.open(dir.resolve("e"), EMBEDDER.info(), false)) {
      new WritePipeline(lucene, EMBEDDER, Clock.fixed(T0, ZoneOffset.UTC)).remember(ALICE, "chat",
          List.of(new Segment("user: I adopted a beagle called Zoë." + reply, T0, List.of()),
              new Segment("user: I sold my old kayak." + reply, T0, List.of())));
      List<JsonNode> items = new ObjectMapper().readerFor(JsonNode.class)
          .<JsonNode>readValues(export(lucene)).readAll().stream()
          .filter(line -> line.get("type").asText().equals("item")).toList();
      assertThat(items).hasSize(2);

      for (JsonNode item : items) {
        // when: the store is searched with the exported vector
        float[] vector = new float[item.get("embedding").size()];
        for (int i = 0; i < vector.length; i++) {
          vector[i] = (float) item.get("embedding").get(i).asDouble();
        }
        ScoredItem top = lucene.searchVector(ALICE, vector, 1, ItemFilter.ANY).get(0);

        // then: it finds the item it came from, at the score of an identical vector
        assertThat(top.item().id()).isEqualTo(item.get("id").asText());
        assertThat(top.score()).isCloseTo(1.0, within(1e-5));
      }
    }
  }

  private static String export(MemoryStore store) {
    StringWriter out = new StringWriter();
    MemoryExport.write(store, ALICE, EMBEDDER, out);
    return out.toString();
  }

  private static BufferedReader reader(String text) {
    return new BufferedReader(new StringReader(text));
  }

  private static List<String> ids(List<MemoryItem> items) {
    return items.stream().map(MemoryItem::id).toList();
  }
}
