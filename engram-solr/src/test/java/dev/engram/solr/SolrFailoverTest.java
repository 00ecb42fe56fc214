package dev.engram.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.Engram;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.Message;
import dev.engram.read.Context;
import dev.engram.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.HttpSolrClient;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.DocCollection;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.Test;

/**
 * A node of a 2 shards x 2 replicas collection dies and comes back: recall and remember keep
 * working while it is down, it catches up when it returns, and no acknowledged write is lost. A
 * collection without replicas is refused at open while a node is down, with one clear error.
 */
class SolrFailoverTest {
  private static final HashingEmbedder EMBEDDER = new HashingEmbedder(64);
  private static final List<String> SUBJECTS = List.of("ana", "ben", "cai", "dee");

  @Test
  void should_keep_recall_and_remember_working_while_a_node_is_down_and_lose_nothing()
      throws Exception {
    // given: a 2x2 collection and a 2x1 one, and acknowledged memories of four subjects
    MiniSolrCloudCluster cluster = SolrTestCluster.get();
    SolrStoreConfig ha = SolrTestCluster.collection("ha", EMBEDDER.info(), 2, 2);
    SolrStoreConfig fragile = SolrTestCluster.collection("fragile", EMBEDDER.info(), 2, 1);
    SolrTestCluster.clear("ha");
    Map<String, List<String>> acknowledged = new TreeMap<>();
    SolrMemoryStore store = SolrMemoryStore.open(ha, EMBEDDER.info(), false);
    try (Engram engram = Engram.builder().store(store).embedder(EMBEDDER).build()) {
      for (String subject : SUBJECTS) {
        for (int round = 0; round < 3; round++) {
          String word = subject + "before" + round;
          engram.remember(subject, "s" + round, List.of(Message.user("I saw a " + word),
              Message.assistant("Noted the " + word + ".")));
          acknowledged.computeIfAbsent(subject, s -> new ArrayList<>()).add(word);
        }
      }

      // when: node 0 stops
      JettySolrRunner stopped = cluster.stopJettySolrRunner(0);
      cluster.waitForJettyToStop(stopped);

      // then: a collection with a shard on that node alone is refused at open, clearly
      assertThatThrownBy(() -> SolrMemoryStore.open(fragile, EMBEDDER.info(), false))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("no live replica for shard(s)")
          .hasMessageContaining("nothing was written");

      // and recall finds every acknowledged memory, and remember works
      for (String subject : SUBJECTS) {
        for (String word : acknowledged.get(subject)) {
          Context context = engram.recall(subject, word);
          assertThat(context.text()).as("recall of " + word + " with a node down")
              .contains(word);
        }
        String word = subject + "during";
        engram.remember(subject, "down", List.of(Message.user("Remember the " + word),
            Message.assistant("Sure.")));
        acknowledged.get(subject).add(word);
        assertThat(engram.recall(subject, word).text()).contains(word);
      }

      long acknowledgedItems = engram.stats().items();
      assertThat(acknowledgedItems).isGreaterThanOrEqualTo(SUBJECTS.size() * 4L);

      // when: the node comes back and its replicas recover
      cluster.startJettySolrRunner(stopped);
      cluster.waitForNode(stopped, 60);
      cluster.waitForActiveCollection("ha", 2, 4);
      cluster.waitForActiveCollection("fragile", 2, 2);

      // then: every replica, asked alone, holds every acknowledged write
      assertThat(engram.stats().items()).isEqualTo(acknowledgedItems);
      DocCollection collection = cluster.getZkStateReader().getClusterState()
          .getCollection("ha");
      long onReplicas = 0;
      for (var slice : collection.getSlices()) {
        long leaderCount = -1;
        for (Replica replica : slice.getReplicas()) {
          long count = countOnReplica(replica);
          if (leaderCount < 0) {
            leaderCount = count;
          }
          assertThat(count).as("docs on " + replica.getCoreName()).isEqualTo(leaderCount);
        }
        onReplicas += leaderCount;
      }
      assertThat(onReplicas).isEqualTo(acknowledgedItems);
      for (String subject : SUBJECTS) {
        for (String word : acknowledged.get(subject)) {
          assertThat(engram.recall(subject, word).text()).as("recall of " + word + " after restart")
              .contains(word);
        }
      }
      // and the other collection opens again, untouched
      try (SolrMemoryStore reopened = SolrMemoryStore.open(fragile, EMBEDDER.info(), true)) {
        assertThat(reopened.stats().items()).isZero();
      }
    } finally {
      store.close();
    }
  }

  private static long countOnReplica(Replica replica) throws Exception {
    try (HttpSolrClient client = new HttpSolrClient.Builder(replica.getBaseUrl()).build()) {
      SolrQuery query = new SolrQuery("*:*").setRows(0);
      query.set("distrib", "false");
      query.addFilterQuery("owner:[* TO *]");
      return client.query(replica.getCoreName(), query).getResults().getNumFound();
    }
  }
}
