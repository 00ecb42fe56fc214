package dev.engram.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchmarksDocCommandTest {
  @TempDir Path dir;

  @Test
  void should_build_the_page_from_finished_runs_and_refuse_partial_ones() throws Exception {
    Path run = Files.createDirectories(dir.resolve("locomo-run"));
    Files.writeString(run.resolve("report.md"), "# engram bench locomo\n\n## All questions\n| a |\n");
    Files.write(run.resolve("recall-at-k.png"), new byte[] {1, 2, 3});
    Path partial = Files.createDirectories(dir.resolve("running"));
    Files.writeString(partial.resolve("PARTIAL"), "");
    Files.writeString(partial.resolve("report.md"), "# half\n");
    Path out = dir.resolve("docs/BENCHMARKS.md");

    int ok = new CommandLine(new BenchmarksDocCommand())
        .execute("--out", out.toString(), run.toString());
    int refused = new CommandLine(new BenchmarksDocCommand())
        .execute("--out", dir.resolve("other.md").toString(), partial.toString());

    assertThat(ok).isZero();
    assertThat(Files.readString(out)).startsWith("# Benchmarks")
        .contains("## engram bench locomo").contains("### All questions")
        .contains("![recall-at-k.png](bench/locomo-run/recall-at-k.png)");
    assertThat(dir.resolve("docs/bench/locomo-run/recall-at-k.png")).exists();
    assertThat(refused).isEqualTo(1);
    assertThat(dir.resolve("other.md")).doesNotExist();
  }

  @Test
  void should_not_demote_lines_inside_code_fences() {
    assertThat(BenchmarksDocCommand.demote("# T\n```\n# comment\n```\n## S"))
        .isEqualTo("## T\n```\n# comment\n```\n### S\n");
  }
}
