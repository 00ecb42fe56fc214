package dev.engram.lucene;

import static dev.engram.store.TestItem.EMBEDDER;
import static dev.engram.store.TestItem.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.engram.store.MemoryStore;
import dev.engram.store.StoreLockedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability on return, the hard way: a child JVM adds items and acknowledges each add, the test
 * kills it with SIGKILL mid-stream and reopens the store. Every acknowledged item must be there.
 * On the way it checks the lock across processes: while the child writes, this JVM cannot open
 * the store for writing but can read what the child committed.
 */
class KillNineDurabilityTest {
  private static final int ACKS_BEFORE_KILL = 40;
  private static final long CHILD_TIMEOUT_SECONDS = 60;

  @TempDir
  Path root;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void should_keep_every_acknowledged_add_after_kill_9() throws Exception {
    // given: a child writing one item per add() and acknowledging each
    Path dir = root.resolve("store");
    Path stderr = root.resolve("child-stderr.txt");
    Process child = new ProcessBuilder(javaBinary(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"),
        AckingWriter.class.getName(), dir.toString(), "100000")
        .redirectError(stderr.toFile()).start();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread pump = pumpLines(child, lines);
    Set<String> acked = new LinkedHashSet<>();

    // when: another process cannot write meanwhile but can read; then the child gets SIGKILL
    try {
      awaitAcks(lines, acked, stderr);
      assertThatThrownBy(() -> LuceneMemoryStore.open(dir, EMBEDDER.info(), false))
          .isInstanceOf(StoreLockedException.class);
      try (MemoryStore reader = LuceneMemoryStore.open(dir, EMBEDDER.info(), true)) {
        assertThat(reader.subjectStats(AckingWriter.OWNER).items())
            .isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
      }
    } finally {
      // SIGKILL through the handle: Process.destroyForcibly() would also close our end of its
      // stdout and lose acknowledgements still in the pipe
      child.toHandle().destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("child died").isTrue();
    }
    pump.join(TimeUnit.SECONDS.toMillis(30));
    for (String line; (line = lines.poll()) != null; ) {
      collectAck(line, acked); // acknowledged after the 40th, before the kill: must be there too
    }

    // then
    try (MemoryStore store = LuceneMemoryStore.open(dir, EMBEDDER.info(), false)) {
      for (String id : acked) {
        assertThat(store.get(AckingWriter.OWNER, id)).as("acknowledged item " + id).isPresent();
      }
      // an add in flight at the kill may or may not have committed, but nothing else
      assertThat(store.subjectStats(AckingWriter.OWNER).items())
          .isBetween((long) acked.size(), acked.size() + 1L);
      store.add(List.of(item(AckingWriter.OWNER, "after", "still writable").build()));
      assertThat(store.get(AckingWriter.OWNER, "after")).isPresent();
    }
  }

  private static void awaitAcks(BlockingQueue<String> lines, Set<String> acked, Path stderr)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CHILD_TIMEOUT_SECONDS);
    while (acked.size() < ACKS_BEFORE_KILL) {
      long left = deadline - System.nanoTime();
      String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
      if (line == null) {
        fail("child acknowledged " + acked.size() + " adds in " + CHILD_TIMEOUT_SECONDS
            + " s; its stderr:\n" + Files.readString(stderr));
      }
      collectAck(line, acked);
    }
  }

  private static void collectAck(String line, Set<String> acked) {
    if (line.startsWith("ACK ")) {
      acked.add(line.substring(4).strip());
    }
  }

  private static Thread pumpLines(Process child, BlockingQueue<String> lines) {
    Thread pump = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "child-stdout");
    pump.setDaemon(true);
    pump.start();
    return pump;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
