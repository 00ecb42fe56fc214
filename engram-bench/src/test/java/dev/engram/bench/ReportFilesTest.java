package dev.engram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.bench.report.ReportFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
  @TempDir
  Path dir;

  @Test
  void anUnfinishedRunLeavesTheMarkerAndNoReport() throws IOException {
    Files.writeString(dir.resolve("report.json"), "{\"old\": true}");
    ReportFiles files = ReportFiles.start(dir, "engram bench locomo");
    files.write("report.json", "{}".getBytes(StandardCharsets.UTF_8));
    // The run dies here: no commit.
    assertThat(dir.resolve("PARTIAL")).isRegularFile();
    assertThat(dir.resolve("report.json")).doesNotExist();
  }

  @Test
  void commitRenamesIntoPlaceAndRemovesTheMarker() throws IOException {
    ReportFiles files = ReportFiles.start(dir, "engram bench locomo");
    files.write("report.md", "# ok".getBytes(StandardCharsets.UTF_8));
    files.write("report.json", "{}".getBytes(StandardCharsets.UTF_8));
    files.commit();
    assertThat(dir.resolve("PARTIAL")).doesNotExist();
    assertThat(dir.resolve("report.json")).hasContent("{}");
    assertThat(dir.resolve("report.md")).hasContent("# ok");
    try (var list = Files.list(dir)) {
      assertThat(list.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }
}
