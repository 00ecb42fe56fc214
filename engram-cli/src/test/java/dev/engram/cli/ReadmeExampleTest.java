package dev.engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.Engram;
import dev.engram.model.Message;
import dev.engram.reader.Answer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example, run for real; a second test checks the README still shows it. */
class ReadmeExampleTest {
  @TempDir Path dir;

  @Test
  void readme_java_example_runs_and_answers_with_a_citation() {
    Path memoryDir = dir.resolve("memory");
    // tag::readme[]
    try (Engram engram = Engram.open(memoryDir)) {
      engram.remember("alice", "2024-06-01", List.of(
          Message.user("We adopted a beagle called Biscuit from the shelter."),
          Message.assistant("Congratulations! Beagles are wonderful.")));

      Answer answer = engram.ask("alice", "What is my dog called?");
      System.out.println(answer.text());          // We adopted a beagle called Biscuit ...
      System.out.println(answer.citations());     // the remembered round it quotes
    }
    // end::readme[]
    try (Engram engram = Engram.open(memoryDir)) {
      Answer answer = engram.ask("alice", "What is my dog called?");
      assertThat(answer.text()).contains("Biscuit");
      assertThat(answer.citations()).hasSize(1);
    }
  }

  @Test
  void readme_shows_the_example_verbatim() throws IOException {
    String source = Files.readString(
        Path.of("src/test/java/dev/engram/cli/ReadmeExampleTest.java"));
    String snippet = source.substring(
        source.indexOf("// tag::readme[]") + "// tag::readme[]".length(),
        source.indexOf("// end::readme[]"));
    String readme = Files.readString(Path.of("../README.md"));
    assertThat(normalise(readme)).contains(normalise(snippet));
  }

  private static String normalise(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty())
        .collect(Collectors.joining("\n"));
  }
}
