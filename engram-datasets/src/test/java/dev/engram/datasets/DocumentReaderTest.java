package dev.engram.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.model.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentReaderTest {
  @TempDir Path dir;

  @Test
  void should_read_name_text_and_modification_time() throws IOException {
    // given
    Path file = Files.writeString(dir.resolve("notes.md"), "# Trip\n\nLisbon in May. Caf\u00e9 \u2615\n");
    Instant modified = Instant.parse("2024-03-01T12:00:00Z");
    Files.setLastModifiedTime(file, FileTime.from(modified));

    // when
    Document document = DocumentReader.read(file);

    // then
    assertThat(document).isEqualTo(
        new Document("notes.md", "# Trip\n\nLisbon in May. Caf\u00e9 \u2615\n", modified));
  }

  @Test
  void should_read_gzipped_text_and_drop_a_byte_order_mark() throws IOException {
    // given
    Path file = LongMemEvalReaderTest.write(dir, "book.txt.gz", "\uFEFFChapter 1", true);

    // when
    Document document = DocumentReader.read(file);

    // then
    assertThat(document.id()).isEqualTo("book.txt.gz");
    assertThat(document.text()).isEqualTo("Chapter 1");
  }

  @Test
  void should_refuse_an_empty_file() throws IOException {
    // given
    Path empty = Files.writeString(dir.resolve("empty.txt"), "");
    Path blank = Files.writeString(dir.resolve("blank.txt"), " \n\t\n");

    // when / then
    assertThatThrownBy(() -> DocumentReader.read(empty))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessage(empty + ": the file is empty");
    assertThatThrownBy(() -> DocumentReader.read(blank))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessage(blank + ": the file is empty (only whitespace)");
  }

  @Test
  void should_refuse_bytes_that_are_not_utf8_naming_the_file_and_offset() throws IOException {
    // given: "caf\u00e9" in Latin-1
    Path file = Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '!'});

    // when / then
    assertThatThrownBy(() -> DocumentReader.read(file))
        .isInstanceOf(DatasetFormatException.class)
        .hasMessage(file + ": the file is not UTF-8 text: invalid byte sequence at byte offset 3"
            + " (save it as UTF-8)");
  }

  @Test
  void should_name_the_path_of_a_missing_file_or_a_directory() {
    // given
    Path missing = dir.resolve("missing.txt");

    // when / then
    assertThatThrownBy(() -> DocumentReader.read(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("file not found: " + missing.toAbsolutePath());
    assertThatThrownBy(() -> DocumentReader.read(dir))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("not a file but a directory: " + dir.toAbsolutePath());
  }
}
