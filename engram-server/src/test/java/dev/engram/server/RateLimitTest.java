package dev.engram.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.server.TestServer.Reply;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-key token buckets, driven by the injected clock. */
class RateLimitTest {
  @TempDir Path dir;

  @Test
  void should_allow_the_burst_then_429_until_the_clock_refills_the_bucket() {
    try (TestServer server = new TestServer(dir, b -> b.rateLimit(2, 3))) {
      String key = server.key("acme");
      String other = server.key("acme");
      for (int i = 0; i < 3; i++) {
        assertThat(server.get(key, "/v1/subjects").status()).as("request " + i).isEqualTo(200);
      }
      Reply limited = server.get(key, "/v1/subjects");
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.errorCode()).isEqualTo("rate_limited");
      assertThat(limited.response().headers().firstValue("Retry-After")).hasValue("1");
      // another key of the same tenant has its own bucket
      assertThat(server.get(other, "/v1/subjects").status()).isEqualTo(200);

      server.clock.advance(Duration.ofMillis(499));
      assertThat(server.get(key, "/v1/subjects").status()).isEqualTo(429);
      server.clock.advance(Duration.ofMillis(1));
      assertThat(server.get(key, "/v1/subjects").status()).isEqualTo(200);
      assertThat(server.get(key, "/v1/subjects").status()).isEqualTo(429);
      server.clock.advance(Duration.ofSeconds(60));
      for (int i = 0; i < 3; i++) {
        assertThat(server.get(key, "/v1/subjects").status()).isEqualTo(200);
      }
      assertThat(server.get(key, "/v1/subjects").status()).isEqualTo(429);
      // health and metrics are not rate limited
      assertThat(server.get(null, "/health").status()).isEqualTo(200);
    }
  }
}
