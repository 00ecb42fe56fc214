package dev.engram.bench.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.bench.synthetic.HopLoop.Direction;
import dev.engram.embed.HashingEmbedder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ThreadsBenchTest {
  @TempDir
  Path dir;

  @Test
  void hopLoopFollowsAThreeLinkChainBothWays() throws IOException {
    List<Book> books = TestBooks.write(dir, 1, 1500).stream().map(Book::read).toList();
    ThreadsBench bench = new ThreadsBench(books,
        new ThreadsBench.Config(16_000, 1, List.of(2), List.of(3), 5), 21);
    ThreadsBench.Round round = bench.plant(0);
    NeedleThread thread = round.threads().get(0);
    assertThat(thread.length()).isEqualTo(3);

    try (HashingEmbedder embedder = new HashingEmbedder(CommonOptions.HASHING_DIMENSION);
        BenchMemory memory = BenchMemory.open("memory", embedder, 3500)) {
      memory.rememberParts("reader", "round", round.haystack().parts(NeedleGrid.PART_CHARS),
          BenchProgress.silent());
      // 16k tokens against a 3,500-token budget: every hop has to retrieve.
      HopLoop loop = new HopLoop(memory.engram(), "reader", 3500, 5);

      HopLoop.Trace forward = loop.follow(thread.keys().get(0), Direction.FORWARD);
      HopLoop.Trace backward = loop.follow(thread.keys().get(3), Direction.BACKWARD);

      assertThat(forward.found()).containsExactlyElementsOf(thread.keys().subList(1, 4));
      assertThat(forward.hops()).isEqualTo(4);
      assertThat(backward.found()).containsExactly(
          thread.keys().get(2), thread.keys().get(1), thread.keys().get(0));
      assertThat(ThreadsBench.walk(0, thread, "forward", Direction.FORWARD, loop).allFound())
          .isTrue();
    }
  }

  @Test
  void threadsCommandReportsSetsAndThreads() throws IOException {
    List<Path> books = TestBooks.write(dir, 1, 1500);
    Path out = dir.resolve("out");

    int code = new CommandLine(new ThreadsCommand()).execute("--books", books.get(0).toString(),
        "--size", "8k", "--rounds", "2", "--k", "2,4", "--lengths", "2,3", "--embedder",
        "hashing", "--quiet", "--out", out.toString());

    assertThat(code).isZero();
    JsonNode report = new ObjectMapper().readTree(out.resolve("threads.json").toFile());
    assertThat(report.get("sets")).hasSize(4);
    assertThat(report.get("threads")).hasSize(16);
    for (JsonNode set : report.get("sets")) {
      assertThat(set.get("allInContext").asBoolean()).as(set.toString()).isTrue();
    }
    for (JsonNode walk : report.get("threads")) {
      assertThat(walk.get("allFound").asBoolean()).as(walk.toString()).isTrue();
    }
    assertThat(out.resolve("threads-sets.png")).isNotEmptyFile();
    assertThat(out.resolve("threads-chains.png")).isNotEmptyFile();
  }
}
