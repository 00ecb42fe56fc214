package dev.engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code engram export} and {@code engram import} through the real command line, between two
 * embedded stores with the bundled model (the Lucene to SolrCloud round trip is proven in
 * engram-solr, which holds the test cluster).
 */
class ExportImportCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = EngramCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void should_move_a_subject_to_another_store_and_find_it_there() throws Exception {
    // given
    Path chat = dir.resolve("chat.jsonl");
    Files.writeString(chat, String.join("\n",
        "{\"session\":\"s1\",\"role\":\"user\",\"content\":\"My kayak is bright orange.\"}",
        "{\"session\":\"s1\",\"role\":\"assistant\",\"content\":\"Orange kayak, noted.\"}"),
        StandardCharsets.UTF_8);
    String from = "--data-dir=" + dir.resolve("from");
    String to = "--data-dir=" + dir.resolve("to");
    Run ingest = run("ingest", from, "--subject", "alice", chat.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    Path file = dir.resolve("alice.jsonl");

    // when
    Run export = run("export", from, "--subject", "alice", "--out", file.toString());
    Run imported = run("import", to, "--subject", "alice", "--in", file.toString());

    // then
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(export.out()).containsPattern("exported [1-9]\\d* item\\(s\\)");
    assertThat(Files.readAllLines(file).get(0)).contains("\"format\":\"engram-export\"");
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).containsPattern("imported [1-9]\\d* item\\(s\\)")
        .doesNotContain("re-embedded");
    Run search = run("search", to, "--subject", "alice", "kayak colour");
    assertThat(search.code()).as(search.err()).isZero();
    assertThat(search.out()).contains("bright orange");
    Path again = dir.resolve("again.jsonl");
    assertThat(run("export", to, "--subject", "alice", "--out", again.toString()).code()).isZero();
    assertThat(Files.readAllLines(again)).isEqualTo(Files.readAllLines(file));
  }

  @Test
  void should_refuse_a_file_that_is_not_an_export_and_write_nothing() throws Exception {
    // given
    Path file = dir.resolve("not-export.jsonl");
    Files.writeString(file, "{\"type\":\"item\"}\n", StandardCharsets.UTF_8);

    // when
    Run run = run("import", "--data-dir=" + dir.resolve("to"), "--in", file.toString());

    // then
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains(file + ":1: not an Engram export");
  }

  @Test
  void should_say_that_solr_options_need_the_solr_store() {
    // when
    Run run = run("stats", "--data-dir=" + dir.resolve("x"), "--zk-host", "localhost:2181");

    // then
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("need --store solr");
  }
}
