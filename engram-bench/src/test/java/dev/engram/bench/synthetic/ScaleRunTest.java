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

class ScaleRunTest {
  @TempDir
  Path dir;

  @Test
  void luceneIndexOfThreeThousandItemsRecallsNineOfTheExactTenOrBetter() throws IOException {
    List<Path> books = TestBooks.write(dir, 1, 1500);
    Path out = dir.resolve("out");

    int code = new CommandLine(new ScaleCommand()).execute("--books", books.get(0).toString(),
        "--max", "3000", "--steps", "1000", "--real", "500", "--queries", "30",
        "--embedder", "hashing", "--quiet", "--store-dir", dir.resolve("store").toString(),
        "--out", out.toString());

    assertThat(code).isZero();
    JsonNode report = new ObjectMapper().readTree(out.resolve("scale.json").toFile());
    assertThat(report.get("realItems").asInt()).isEqualTo(500);
    JsonNode steps = report.get("steps");
    assertThat(steps).hasSize(2);
    assertThat(steps.get(1).get("items").asLong()).isEqualTo(3000);
    for (JsonNode step : steps) {
      assertThat(step.get("annRecall10").asDouble()).as(step.toString()).isGreaterThanOrEqualTo(0.9);
      assertThat(step.at("/recall/p50").asDouble()).isPositive();
      assertThat(step.get("settleSeconds").asDouble()).isNotNegative();
    }
    assertThat(out.resolve("scale-latency.png")).isNotEmptyFile();
    assertThat(out.resolve("scale-recall.png")).isNotEmptyFile();
  }

  @Test
  void defaultStepsArePowersOfTenBelowTheMaximumThenTheMaximum() {
    ScaleCommand command = new ScaleCommand();
    new CommandLine(command).parseArgs("--max", "1000000");
    assertThat(command.stepList()).containsExactly(1000, 10_000, 100_000, 1_000_000);
    new CommandLine(command).parseArgs("--max", "5000");
    assertThat(command.stepList()).containsExactly(1000, 5000);
  }
}
