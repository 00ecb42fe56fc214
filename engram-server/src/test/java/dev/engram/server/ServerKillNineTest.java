package dev.engram.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.engram.server.auth.ApiKeyStore;
import dev.engram.server.cli.ServeCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability of the whole server: {@code engram serve} runs in a child JVM on the embedded
 * default, four clients remember over HTTP, the child gets SIGKILL mid-load, a new child starts
 * on the same directory, and every remember that was acknowledged with 201 is there.
 */
class ServerKillNineTest {
  private static final int ACKS_BEFORE_KILL = 40;
  private static final int WRITERS = 4;
  private static final Pattern SERVING = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path root;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void should_keep_every_acknowledged_remember_after_kill_9() throws Exception {
    Path dir = root.resolve("data");
    Child first = Child.start(dir, root.resolve("first.err"));
    String key = ApiKeyStore.in(dir).create("acme", "load").secret();
    Set<String> acked = ConcurrentHashMap.newKeySet();
    AtomicInteger sent = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
    try {
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.submit(() -> write(first.port, key, writer, sent, acked, stop));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (acked.size() < ACKS_BEFORE_KILL) {
        if (System.nanoTime() > deadline || !first.process.isAlive()) {
          fail("only " + acked.size() + " acks; child stderr:\n" + first.stderr());
        }
        Thread.onSpinWait();
      }
    } finally {
      first.process.toHandle().destroyForcibly(); // SIGKILL, mid-load
      assertThat(first.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      stop.set(true);
      writers.shutdown();
      assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(sent.get()).as("some writes were in flight or unsent").isGreaterThan(0);

    Child second = Child.start(dir, root.resolve("second.err"));
    try {
      for (String id : acked) {
        HttpResponse<String> item = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + second.port + "/v1/subjects/load/items/" + id))
            .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(item.statusCode()).as("acknowledged item " + id).isEqualTo(200);
      }
      HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(
              "http://127.0.0.1:" + second.port + "/v1/subjects/load/stats"))
          .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
      long items = TestServer.JSON.readTree(stats.body()).get("items").asLong();
      // writes in flight at the kill may or may not have committed, but nothing acked is missing
      assertThat(items).isBetween((long) acked.size(), (long) acked.size() + WRITERS);
      System.out.printf("kill -9 with %d remembers acknowledged of %d sent; after restart all %d"
          + " are there (%d items stored)%n", acked.size(), sent.get(), acked.size(), items);
    } finally {
      second.process.destroy(); // SIGTERM: graceful shutdown
      assertThat(second.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  private void write(int port, String key, int writer, AtomicInteger sent, Set<String> acked,
      AtomicBoolean stop) {
    for (int i = 0; !stop.get(); i++) {
      String body = "{\"session\":\"w" + writer + "\",\"messages\":[{\"role\":\"user\","
          + "\"content\":\"Writer " + writer + " fact number " + i + ": the code is " + (i * 7919)
          + ".\"},{\"role\":\"assistant\",\"content\":\"Noted " + i + ".\"}]}";
      try {
        sent.incrementAndGet();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/v1/subjects/load/messages"))
            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 201) {
          acked.add(TestServer.JSON.readTree(response.body()).get("addedIds").get(0).asText());
        }
      } catch (IOException e) {
        return; // the server died: this write was never acknowledged
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** A child JVM running {@code engram serve --port 0}. */
  private record Child(Process process, int port, Path stderrFile) {
    static Child start(Path dir, Path stderr) throws IOException, InterruptedException {
      Process process = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
          "-cp", System.getProperty("java.class.path"), ServeCommand.class.getName(),
          "--data-dir", dir.toString(), "--port", "0", "--rate-limit", "0")
          .redirectError(stderr.toFile()).start();
      LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread pump = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = out.readLine()) != null; ) {
            lines.add(line);
          }
        } catch (IOException e) {
          // child gone
        }
      }, "child-stdout");
      pump.setDaemon(true);
      pump.start();
      String line = lines.poll(120, TimeUnit.SECONDS);
      Matcher m = line == null ? null : SERVING.matcher(line);
      if (m == null || !m.find()) {
        process.destroyForcibly();
        throw new AssertionError("child did not start (" + line + "); stderr:\n"
            + Files.readString(stderr));
      }
      return new Child(process, Integer.parseInt(m.group(1)), stderr);
    }

    String stderr() throws IOException {
      return Files.readString(stderrFile);
    }
  }

}
