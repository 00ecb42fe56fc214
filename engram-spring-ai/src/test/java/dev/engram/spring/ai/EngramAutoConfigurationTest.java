package dev.engram.spring.ai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.Message;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration in a real application context. */
class EngramAutoConfigurationTest {
  @TempDir Path dir;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(EngramAutoConfiguration.class));

  @AfterEach
  void clearSolrProperty() {
    System.clearProperty(EngramFactory.ZK_HOST_PROPERTY);
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnEngram {
    @Bean(destroyMethod = "close")
    Engram engram(@Value("${test.dir}") Path dir) {
      return Engram.builder().dataDir(dir).embedder(new HashingEmbedder(32)).tenant("acme").build();
    }
  }

  @Test
  void opens_the_bundled_embedder_and_lucene_store_from_the_properties() {
    runner.withPropertyValues("engram.data-dir=" + dir, "engram.tenant=shop", "engram.budget=800")
        .run(context -> {
          assertThat(context).hasNotFailed()
              .hasSingleBean(Engram.class).hasSingleBean(EngramMemoryAdvisor.class)
              .hasSingleBean(ChatClientCustomizer.class);
          Engram engram = context.getBean(Engram.class);
          assertThat(engram.tenant()).isEqualTo("shop");
          assertThat(engram.embedderInfo().modelId()).isEqualTo("bge-small-en-v1.5-q");
          engram.remember("alice", "s1", List.of(
              Message.user("I keep bees on the roof.")));
          assertThat(engram.recall("alice", "What do I keep?").text()).contains("bees");
        });
    assertThat(dir.toFile().list()).isNotEmpty();
  }

  @Test
  void an_application_engram_bean_wins() {
    runner.withUserConfiguration(OwnEngram.class).withPropertyValues("test.dir=" + dir)
        .run(context -> {
          assertThat(context).hasSingleBean(Engram.class);
          assertThat(context.getBean(Engram.class).tenant()).isEqualTo("acme");
          assertThat(context.getBean(Engram.class).embedderInfo().modelId())
              .isEqualTo("hashing-32");
        });
  }

  @Test
  void the_advisor_can_be_left_off_the_chat_clients() {
    runner.withUserConfiguration(OwnEngram.class)
        .withPropertyValues("test.dir=" + dir, "engram.advisor.enabled=false")
        .run(context -> assertThat(context).hasSingleBean(EngramMemoryAdvisor.class)
            .doesNotHaveBean(ChatClientCustomizer.class));
  }

  @Test
  void solr_needs_a_zookeeper_address() {
    runner.withPropertyValues("engram.data-dir=" + dir, "engram.store=solr")
        .run(context -> assertThat(context).getFailure()
            .hasRootCauseMessage("engram.solr.zk-host must not be null"));
  }

  @Test
  void solr_needs_a_collection() {
    runner.withPropertyValues("engram.data-dir=" + dir, "engram.store=solr",
            "engram.solr.zk-host=127.0.0.1:9983/solr")
        .run(context -> assertThat(context).getFailure()
            .hasRootCauseMessage("engram.solr.collection must not be null"));
  }

  @Test
  void solr_is_looked_up_by_name_and_gets_the_zookeeper_address_and_collection() {
    runner.withPropertyValues("engram.data-dir=" + dir, "engram.store=solr",
            "engram.solr.zk-host=127.0.0.1:9983/solr", "engram.solr.collection=memory")
        .run(context -> assertThat(context).getFailure()
            .hasRootCauseMessage("no MemoryStoreFactory named 'solr'; available: [lucene]"));
    assertThat(System.getProperty(EngramFactory.ZK_HOST_PROPERTY)).isEqualTo("127.0.0.1:9983/solr");
    assertThat(System.getProperty(EngramFactory.COLLECTION_PROPERTY)).isEqualTo("memory");
  }

  @Test
  void a_bad_budget_is_named() {
    runner.withPropertyValues("engram.data-dir=" + dir, "engram.budget=10")
        .run(context -> assertThat(context).getFailure()
            .hasRootCauseMessage("engram.budget must be in [50, 1000000], was 10"));
  }

  @Test
  void a_bad_tenant_is_named() {
    runner.withPropertyValues("engram.data-dir=" + dir, "engram.tenant= ")
        .run(context -> assertThat(context).getFailure()
            .hasRootCauseMessage("engram.tenant must not be blank"));
  }
}
