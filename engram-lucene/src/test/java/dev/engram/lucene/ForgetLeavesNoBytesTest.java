package dev.engram.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.embed.HashingEmbedder;
import dev.engram.forget.ForgetReport;
import dev.engram.forget.ForgetSelector;
import dev.engram.model.Message;
import dev.engram.model.Session;
import dev.engram.store.AuditAction;
import dev.engram.store.AuditEvent;
import dev.engram.store.TimeRange;
import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.store.MemoryStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forgetting is real deletion: no byte of forgotten text stays in any file of the store. */
class ForgetLeavesNoBytesTest {
  private static final String MARKER = "qzvmarkerxkw";
  private static final SubjectRef ALICE = SubjectRef.of("alice");
  private final HashingEmbedder embedder = new HashingEmbedder(64);

  @TempDir Path dir;

  @Test
  void should_leave_no_byte_of_a_forgotten_item_on_disk() throws IOException {
    // given: the marker among other memories, committed and closed
    try (MemoryStore store = LuceneMemoryStore.open(dir, embedder.info(), false)) {
      List<MemoryItem> items = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        items.add(item("filler-" + i, "An ordinary memory about the weather on day " + i));
      }
      store.add(items);
      store.add(List.of(item("secret", "The alarm code is " + MARKER + " do not share it")));
    }
    assertThat(filesContaining(MARKER)).as("the marker is on disk before forgetting").isNotEmpty();

    // when
    try (MemoryStore store = LuceneMemoryStore.open(dir, embedder.info(), false)) {
      assertThat(store.deleteItems(ALICE, List.of("secret"))).isEqualTo(1);
    }

    // then
    assertThat(filesContaining(MARKER)).isEmpty();
    try (MemoryStore store = LuceneMemoryStore.open(dir, embedder.info(), true)) {
      assertThat(store.subjectStats(ALICE).items()).isEqualTo(50);
      assertThat(store.searchText(ALICE, MARKER, 10, dev.engram.store.TimeRange.ALL)).isEmpty();
    }
  }

  @Test
  void should_leave_no_byte_in_facts_summaries_keys_or_the_audit_log() throws IOException {
    // given: the marker in an episode, so also in a fact, the episode's expanded key, the
    // session summary and the key of the next round, which borrows the episode's last line; plus
    // other memory in the same session that stays
    Instant may = Instant.parse("2024-05-02T10:00:00Z");
    try (MemoryStore store = LuceneMemoryStore.open(dir, embedder.info(), false);
        Engram engram = Engram.builder().store(store).embedder(embedder).build()) {
      engram.remember("alice", new Session("s1", may, List.of(
          Message.user("My alarm code is " + MARKER + " and nobody else knows it."),
          Message.assistant("I will keep " + MARKER + " safe."),
          Message.user("We planted tomatoes and basil in the garden this weekend."),
          Message.assistant("Tomatoes and basil grow well together."))));
      assertThat(engram.facts("alice")).extracting(MemoryItem::text)
          .contains("alarm code: " + MARKER);
      assertThat(engram.summaries("alice")).anyMatch(s -> s.text().contains(MARKER));
    }
    assertThat(filesContaining(MARKER)).as("the marker is on disk before forgetting").isNotEmpty();

    // when
    ForgetReport report;
    try (MemoryStore store = LuceneMemoryStore.open(dir, embedder.info(), false);
        Engram engram = Engram.builder().store(store).embedder(embedder).build()) {
      report = engram.forget("alice", ForgetSelector.where(TimeRange.ALL, MARKER), false,
          "user request");
    }

    // then
    assertThat(report.episodeIds()).hasSize(1);
    assertThat(report.factIds()).hasSize(1);
    assertThat(filesContaining(MARKER)).isEmpty();
    try (MemoryStore store = LuceneMemoryStore.open(dir, embedder.info(), true);
        Engram engram = Engram.builder().store(store).embedder(embedder).readOnly(true).build()) {
      assertThat(engram.stats("alice").items()).isEqualTo(1);
      assertThat(engram.summaries("alice")).isNotEmpty()
          .allMatch(s -> s.text().contains("tomatoes") && !s.text().contains(MARKER));
      List<AuditEvent> history = engram.history("alice");
      AuditEvent forget = history.get(history.size() - 1);
      assertThat(forget.action()).isEqualTo(AuditAction.FORGET);
      assertThat(forget.itemIds()).containsAll(report.episodeIds());
      assertThat(history.toString()).doesNotContain(MARKER);
    }
  }

  private MemoryItem item(String id, String text) {
    return new MemoryItem(id, ALICE, "s1", ItemKind.EPISODE, 0, 0, Instant.EPOCH, Instant.EPOCH,
        text, text, List.of(), id, embedder.embed(List.of(text))[0]);
  }

  private List<Path> filesContaining(String marker) throws IOException {
    byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
    List<Path> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (indexOf(Files.readAllBytes(file), needle) >= 0) {
          hits.add(file);
        }
      }
    }
    return hits;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
