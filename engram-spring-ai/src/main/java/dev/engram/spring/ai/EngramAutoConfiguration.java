package dev.engram.spring.ai;

import dev.engram.Engram;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Spring Boot auto-configuration: an {@link Engram} opened from {@link EngramProperties} (unless
 * the application defines its own), an {@link EngramMemoryAdvisor} over it, and a
 * {@link ChatClientCustomizer} that adds the advisor to every {@code ChatClient} built from the
 * auto-configured {@code ChatClient.Builder} (off with {@code engram.advisor.enabled=false}).
 */
@AutoConfiguration(beforeName =
    "org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration")
@ConditionalOnClass({Engram.class, ChatClient.class})
@EnableConfigurationProperties(EngramProperties.class)
public class EngramAutoConfiguration {

  /** The memory, closed with the application context. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Engram engram(EngramProperties properties) {
    return EngramFactory.open(properties);
  }

  /** The memory advisor. */
  @Bean
  @ConditionalOnMissingBean
  public EngramMemoryAdvisor engramMemoryAdvisor(Engram engram, EngramProperties properties) {
    return EngramMemoryAdvisor.builder(engram)
        .budget(properties.getBudget())
        .defaultSubject(properties.getAdvisor().getDefaultSubject())
        .build();
  }

  /** Adds the memory advisor to every auto-configured ChatClient. */
  @Bean
  @ConditionalOnProperty(prefix = "engram.advisor", name = "enabled", matchIfMissing = true)
  public ChatClientCustomizer engramChatClientCustomizer(EngramMemoryAdvisor advisor) {
    return builder -> builder.defaultAdvisors(advisor);
  }
}
