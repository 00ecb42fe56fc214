package dev.engram.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileFormatTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
      "notes.txt, TEXT", "NOTES.TXT, TEXT", "notes.txt.gz, TEXT",
      "readme.md, MARKDOWN", "guide.markdown, MARKDOWN",
      "chat.jsonl, CHAT_JSONL", "chat.jsonl.gz, CHAT_JSONL"})
  void should_decide_text_markdown_and_chat_logs_by_extension(String name, FileFormat expected)
      throws IOException {
    // given
    Path file = Files.writeString(dir.resolve(name), "anything");

    // when / then
    assertThat(FileFormat.detect(file)).isEqualTo(expected);
  }

  @Test
  void should_recognise_locomo_json_by_content() throws IOException {
    // given
    Path file = Files.writeString(dir.resolve("locomo10.json"), LocomoReaderTest.SAMPLE);

    // when / then
    assertThat(FileFormat.detect(file)).isEqualTo(FileFormat.LOCOMO);
  }

  @Test
  void should_recognise_longmemeval_json_plain_and_gzipped_by_content() throws IOException {
    // given
    Path plain = LongMemEvalReaderTest.write(dir, "s.json", LongMemEvalReaderTest.TWO_ITEMS, false);
    Path gzipped = LongMemEvalReaderTest.write(dir, "s.json.gz", LongMemEvalReaderTest.TWO_ITEMS, true);
    Path gzippedWithoutSuffix =
        LongMemEvalReaderTest.write(dir, "m.json", LongMemEvalReaderTest.TWO_ITEMS, true);

    // when / then
    assertThat(FileFormat.detect(plain)).isEqualTo(FileFormat.LONGMEMEVAL);
    assertThat(FileFormat.detect(gzipped)).isEqualTo(FileFormat.LONGMEMEVAL);
    assertThat(FileFormat.detect(gzippedWithoutSuffix)).isEqualTo(FileFormat.LONGMEMEVAL);
  }

  @Test
  void should_refuse_unknown_extensions_and_other_json() throws IOException {
    // given
    Path csv = Files.writeString(dir.resolve("data.csv"), "a,b\n");
    Path otherJson = Files.writeString(dir.resolve("other.json"), "[{\"name\": \"x\"}]");
    Path emptyArray = Files.writeString(dir.resolve("empty.json"), "[]");
    Path notJson = Files.writeString(dir.resolve("broken.json"), "[{oops");

    // when / then
    for (Path file : new Path[] {csv, otherJson, emptyArray, notJson}) {
      assertThatThrownBy(() -> FileFormat.detect(file))
          .isInstanceOf(DatasetFormatException.class)
          .hasMessage(file + ": unknown file format for " + file.getFileName()
              + ": expected .txt, .md, .jsonl, LoCoMo .json or LongMemEval .json[.gz]");
    }
  }

  @Test
  void should_name_the_path_of_a_missing_file() {
    // given
    Path missing = dir.resolve("gone.json");

    // when / then
    assertThatThrownBy(() -> FileFormat.detect(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("file not found: " + missing.toAbsolutePath());
  }
}
