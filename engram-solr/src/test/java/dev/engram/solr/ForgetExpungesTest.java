package dev.engram.solr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.model.SubjectRef;
import dev.engram.store.MemoryStore;
import dev.engram.store.TestItem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Forgetting rewrites the index: after a delete returns, no file of any replica's index holds the
 * forgotten text. (The transaction logs are not covered: Solr keeps recent updates there until
 * they roll over; docs/solr.md says so.)
 */
class ForgetExpungesTest {
  private static final SubjectRef ALICE = new SubjectRef("t1", "alice");

  @Test
  void should_leave_no_byte_of_forgotten_text_in_any_index_file() throws IOException {
    // given: two items in one segment, one of them with a marker word
    SolrStoreConfig config = SolrTestCluster.collection("forget", TestItem.EMBEDDER.info(), 2, 2);
    SolrTestCluster.clear("forget");
    String marker = "qzxwvmarkerforgetme";
    try (MemoryStore store = SolrMemoryStore.open(config, TestItem.EMBEDDER.info(), false)) {
      store.add(List.of(TestItem.item(ALICE, "keep", "a kayak trip that stays").build(),
          TestItem.item(ALICE, "gone", "my secret is " + marker).build()));

      // when
      int deleted = store.deleteItems(ALICE, List.of("gone"));

      // then
      assertThat(deleted).isEqualTo(1);
      assertThat(indexFilesHolding("forget", marker)).isEmpty();
      // one word: stored fields are LZ4-compressed, which may cut a longer phrase in two
      assertThat(indexFilesHolding("forget", "kayak")).as("the scan sees stored text")
          .isNotEmpty();
      assertThat(store.get(ALICE, "keep")).isPresent();
    }
  }

  @Test
  void should_leave_no_byte_of_a_key_line_taken_back_before_a_delete() throws IOException {
    // given: a round whose index key borrowed a line of the round about to be forgotten
    SolrStoreConfig config =
        SolrTestCluster.collection("forgetlent", TestItem.EMBEDDER.info(), 2, 2);
    SolrTestCluster.clear("forgetlent");
    String marker = "qzxwvlentlinemarker";
    try (MemoryStore store = SolrMemoryStore.open(config, TestItem.EMBEDDER.info(), false)) {
      store.add(List.of(
          TestItem.item(ALICE, "keep", "thanks, I loved it").key(
              "thanks, I loved it\nassistant: try " + marker).build(),
          TestItem.item(ALICE, "gone", "user: a book?\nassistant: try " + marker).build()));

      // when: what Forgetting does, the key's line taken back, then the delete
      store.update(ALICE, List.of("keep"), item -> item.withKey(item.text()));
      store.deleteItems(ALICE, List.of("gone"));

      // then
      assertThat(indexFilesHolding("forgetlent", marker)).isEmpty();
      assertThat(store.get(ALICE, "keep").orElseThrow().key()).isEqualTo("thanks, I loved it");
    }
  }

  /** Index files (not transaction logs) of the collection's replicas holding text. */
  private static List<Path> indexFilesHolding(String collection, String text)
      throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SolrTestCluster.get().getBaseDir())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String path = file.toString();
        if (path.contains("/" + collection + "_shard") && path.contains("/index")
            && !path.contains("/tlog/") && contains(Files.readAllBytes(file), needle)) {
          found.add(file);
        }
      }
    } catch (java.io.UncheckedIOException e) {
      // a file removed while walking (a merge finishing): walk again
      return indexFilesHolding(collection, text);
    }
    return found;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
