package dev.engram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small deterministic slice of the real benchmark, run in CI with the real bundled model: the
 * first 40 LoCoMo questions (one conversation) from ../shared/data, three systems, a fresh
 * embedding cache. The data is read where it lies, never copied; without it the test fails.
 */
class RealDataSliceTest {
  @TempDir Path dir;

  @Test
  void locomo_slice_finds_the_evidence_and_engram_packs_at_least_as_well_as_bm25()
      throws IOException {
    Path locomo = sharedData().resolve("locomo/locomo10.json");
    Path out = dir.resolve("out");
    StringWriter err = new StringWriter();

    int code = BenchCommand.execute(new String[] {"locomo", "--data", locomo.toString(),
        "--limit", "40", "--systems", "engram,bm25,vector", "--probe-rounds", "0",
        "--latency-runs", "1", "--latency-warmup", "10", "--quiet",
        "--embed-cache", dir.resolve("cache").toString(),
        "--out", out.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));

    assertThat(code).as(err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
    JsonNode engram = report.at("/systems/engram/overall");
    JsonNode bm25 = report.at("/systems/bm25/overall");
    assertThat(report.at("/data/questionsAsked").asInt()).isEqualTo(40);
    assertThat(engram.at("/turn.recall_all@10/value").asDouble()).isGreaterThanOrEqualTo(0.45); // 0.51 measured; plain BM25 and vectors land near it
    assertThat(engram.at("/context.all@3500/value").asDouble())
        .isGreaterThanOrEqualTo(bm25.at("/context.all@3500/value").asDouble());
    assertThat(out.resolve("PARTIAL")).doesNotExist();
  }

  /** ../shared/data, found by walking up from the working directory (CI clones beside it). */
  static Path sharedData() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/data");
      if (Files.exists(candidate.resolve("locomo/locomo10.json"))) {
        return candidate;
      }
    }
    throw new AssertionError("shared/data/locomo/locomo10.json not found above "
        + Path.of("").toAbsolutePath() + "; the benchmark data must sit beside the repository");
  }
}
