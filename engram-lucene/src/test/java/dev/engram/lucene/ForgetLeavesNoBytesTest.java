package dev.engram.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.embed.HashingEmbedder;
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
