package dev.engram.bench.updates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.bench.BenchCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The update/forget family end to end, small and model-free (hashing embedder). */
class UpdatesBenchTest {
  @TempDir Path dir;

  @Test
  void should_prefer_current_values_with_facts_and_never_leak_a_forgotten_secret()
      throws IOException {
    // when
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = BenchCommand.execute(new String[] {"updates", "--cases", "8", "--fillers", "6",
        "--embedder", "hashing", "--budget", "200", "--out", dir.toString()},
        new PrintWriter(out), new PrintWriter(err));

    // then
    assertThat(code).as(err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertThat(report.get("forgetProbes").asInt()).isEqualTo(8);
    assertThat(report.get("leaks").asInt()).isZero();
    JsonNode withFacts = report.get("rows").get(0);
    JsonNode without = report.get("rows").get(1);
    assertThat(withFacts.get("variant").asText()).isEqualTo("engram");
    assertThat(withFacts.get("asked").asInt()).isEqualTo(8);
    // deterministic (seed 42, hashing embedder): 7 of 8 with facts, 4 of 8 without
    assertThat(withFacts.get("fresh").asInt()).isGreaterThan(without.get("fresh").asInt())
        .isGreaterThanOrEqualTo(7);
    assertThat(withFacts.get("outdated").asInt()).isLessThan(without.get("outdated").asInt());
    assertThat(out.toString()).contains("freshness-hit rate").contains("leak rate 0.000");
  }

  @Test
  void should_generate_the_same_cases_from_the_same_seed() {
    // when
    List<UpdateCase> a = new UpdateCaseGenerator(7).cases(5, 4);
    List<UpdateCase> b = new UpdateCaseGenerator(7).cases(5, 4);

    // then
    assertThat(a).isEqualTo(b);
    assertThat(a).allSatisfy(c -> {
      assertThat(c.values()).hasSizeBetween(2, 4).doesNotHaveDuplicates();
      assertThat(c.sessions()).hasSize(c.values().size() + 4 + 1);
    });
    assertThat(new UpdateCaseGenerator(8).cases(5, 4)).isNotEqualTo(a);
  }
}
