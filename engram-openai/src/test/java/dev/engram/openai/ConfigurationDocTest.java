package dev.engram.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists every setting {@link OpenAiSettings} reads, so the table cannot rot. */
class ConfigurationDocTest {

  @Test
  void the_llm_table_names_every_flag_variable_and_key() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
    String tail = doc.substring(doc.indexOf("## LLM endpoint (engram-openai)"));
    String section = tail.substring(0, tail.indexOf("\n## ", 1));

    for (OpenAiSettings.Setting setting : OpenAiSettings.SETTINGS) {
      if (setting.flag() != null) {
        assertThat(section).contains("`" + setting.flag() + " ");
      }
      setting.env().forEach(name -> assertThat(section).contains("`" + name + "`"));
      if (setting.fileKey() != null) {
        assertThat(section).contains("`" + setting.fileKey() + "`");
      }
    }
  }
}
