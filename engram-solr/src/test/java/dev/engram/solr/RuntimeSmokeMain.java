package dev.engram.solr;

import dev.engram.embed.HashingEmbedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.store.TimeRange;
import java.time.Instant;
import java.util.List;

/**
 * Run by {@link RuntimeClasspathTest} in a child JVM whose class path is engram-solr's runtime
 * class path only (no Jetty, no Lucene): adds, searches and forgets one item.
 * Arguments: zkHost collection.
 */
public final class RuntimeSmokeMain {
  private RuntimeSmokeMain() {}

  public static void main(String[] args) {
    HashingEmbedder embedder = new HashingEmbedder(64);
    SubjectRef owner = new SubjectRef("smoke", "sam");
    try (SolrMemoryStore store = SolrMemoryStore.open(SolrStoreConfig.of(args[0], args[1]),
        embedder.info(), false)) {
      Instant now = Instant.parse("2024-03-01T10:00:00Z");
      store.add(List.of(new MemoryItem("i1", owner, "s1", dev.engram.model.ItemKind.EPISODE, 0,
          0, now, now, "user: my kayak is orange", "my kayak is orange", List.of(), "h1",
          embedder.embedQuery("my kayak is orange"))));
      int text = store.searchText(owner, "kayak", 5, TimeRange.ALL).size();
      int vector = store.searchVector(owner, embedder.embedQuery("orange kayak"), 5,
          TimeRange.ALL).size();
      int forgotten = store.deleteSubject(owner);
      System.out.println("smoke text=" + text + " vector=" + vector + " forgotten=" + forgotten
          + " jetty=" + present("org.eclipse.jetty.client.HttpClient")
          + " lucene=" + present("org.apache.lucene.index.IndexWriter"));
    }
  }

  private static boolean present(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
