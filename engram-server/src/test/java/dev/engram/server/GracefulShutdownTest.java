package dev.engram.server;

import static dev.engram.server.TestServer.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.lucene.LuceneMemoryStore;
import dev.engram.model.SubjectRef;
import dev.engram.server.TestServer.Reply;
import dev.engram.store.MemoryStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Shutdown refuses new writes, lets the running ones finish and keeps them. */
class GracefulShutdownTest {
  @TempDir Path dir;

  @Test
  @Timeout(60)
  void should_finish_an_in_flight_write_before_stopping() throws Exception {
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    LuceneMemoryStore lucene = LuceneMemoryStore.open(dir, TestServer.EMBEDDER.info(), false);
    TestServer server = new TestServer(dir, b -> b.rateLimit(0, 1),
        gated(lucene, writing, release));
    String key = server.key("acme");

    CompletableFuture<Reply> write = CompletableFuture.supplyAsync(() -> server.post(key,
        "/v1/subjects/alice/messages", messages("s1", "My locker number is 42.", "Noted.")));
    assertThat(writing.await(30, TimeUnit.SECONDS)).as("write reached the store").isTrue();
    CompletableFuture<Void> closing = CompletableFuture.runAsync(server.server::close);
    awaitDraining(server);

    Reply refused = server.post(key, "/v1/subjects/bob/messages", messages("s1", "hi", "hello"));
    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.errorCode()).isEqualTo("shutting_down");
    assertThat(server.get(null, "/ready").status()).isEqualTo(503);
    assertThat(closing).isNotDone();

    release.countDown();
    Reply written = write.get(30, TimeUnit.SECONDS);
    assertThat(written.status()).isEqualTo(201);
    String id = written.json().get("addedIds").get(0).asText();
    closing.get(30, TimeUnit.SECONDS);
    lucene.close();
    try (MemoryStore reopened = LuceneMemoryStore.open(dir, TestServer.EMBEDDER.info(), true)) {
      assertThat(reopened.get(new SubjectRef("acme", "alice"), id)).isPresent();
      assertThat(reopened.subjectStats(new SubjectRef("acme", "bob")).items()).isZero();
    }
  }

  /** Polls /ready (bounded): the close thread has begun draining once it answers 503. */
  private static void awaitDraining(TestServer server) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (server.get(null, "/ready").status() != 503) {
      assertThat(System.nanoTime()).as("draining began").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  /**
   * The real store, with {@code add} held at a gate so a write is in flight on demand; a dynamic
   * proxy so the wrapper follows the SPI as it grows. {@code close} is left to the test.
   */
  private static MemoryStore gated(MemoryStore delegate, CountDownLatch writing,
      CountDownLatch release) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().equals("close")) {
        return null;
      }
      if (method.getName().equals("add")) {
        writing.countDown();
        release.await();
      }
      try {
        return method.invoke(delegate, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (MemoryStore) Proxy.newProxyInstance(MemoryStore.class.getClassLoader(),
        new Class<?>[] {MemoryStore.class}, handler);
  }
}
