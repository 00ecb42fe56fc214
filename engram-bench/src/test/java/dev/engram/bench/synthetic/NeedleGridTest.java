package dev.engram.bench.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NeedleGridTest {
  @TempDir
  Path dir;

  @Test
  void tinyGridFindsEveryNeedleEndToEndAndWritesItsReport() throws IOException {
    List<Path> books = TestBooks.write(dir, 2, 1500);
    Path out = dir.resolve("out");
    StringWriter stdout = new StringWriter();
    CommandLine cli = new CommandLine(new NeedleCommand());
    cli.setOut(new PrintWriter(stdout));

    int code = cli.execute("--books", books.get(0) + "," + books.get(1), "--sizes", "1k,4k",
        "--depths", "0,50,100", "--embedder", "hashing", "--seed", "11", "--quiet",
        "--out", out.toString());

    assertThat(code).as(stdout.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(out.resolve("needle.json").toFile());
    assertThat(report.at("/run/schema").asText()).isEqualTo(NeedleReport.SCHEMA);
    assertThat(report.at("/run/complete").asBoolean()).isTrue();
    assertThat(report.get("cells")).hasSize(6);
    for (JsonNode cell : report.get("cells")) {
      assertThat(cell.get("retrievalHit").asBoolean()).as(cell.toString()).isTrue();
      assertThat(cell.get("readerHit").asBoolean()).as(cell.toString()).isTrue();
    }
    assertThat(report.at("/summary/midDrop/retrievalDrop").asDouble()).isZero();
    JsonNode haystacks = report.get("haystacks");
    assertThat(haystacks.get(1).get("tokens").asLong()).isBetween(4000L, 4100L);
    assertThat(report.get("cells").get(3).get("contextMode").asText()).isEqualTo("RETRIEVAL");
    assertThat(out.resolve("needle.md")).content().contains("Mid-sequence drop");
    assertThat(out.resolve("needle-heatmap.png")).isNotEmptyFile();
    assertThat(out.resolve("needle-position.png")).isNotEmptyFile();
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }
}
