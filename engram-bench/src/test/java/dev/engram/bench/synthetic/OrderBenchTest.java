package dev.engram.bench.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OrderBenchTest {
  @TempDir
  Path dir;

  @Test
  void orderOnATinyTextIsAlwaysRight() throws IOException {
    List<Path> books = TestBooks.write(dir, 2, 800);
    Path out = dir.resolve("out");

    // 3,000 words is ~5k tokens: over the 1,000-token budget, so recall has to retrieve.
    int code = new CommandLine(new OrderCommand()).execute("--books", books.get(0) + ","
        + books.get(1), "--excerpts", "2", "--excerpt-words", "3000", "--segment-words", "20,50",
        "--pairs", "10", "--budget", "1000", "--embedder", "hashing", "--quiet",
        "--out", out.toString());

    assertThat(code).isZero();
    JsonNode report = new ObjectMapper().readTree(out.resolve("order.json").toFile());
    assertThat(report.at("/overall/accuracy/n").asInt()).isEqualTo(80);
    assertThat(report.at("/overall/accuracy/rate").asDouble()).isEqualTo(1.0);
    assertThat(report.at("/overall/locatedBoth/rate").asDouble()).isEqualTo(1.0);
    assertThat(out.resolve("order.png")).isNotEmptyFile();
  }
}
