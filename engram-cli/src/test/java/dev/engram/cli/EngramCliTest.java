package dev.engram.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real command line in-process against a real store on disk and the bundled model. */
class EngramCliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    boolean hasDir = all.stream().anyMatch(a -> a.startsWith("--data-dir"));
    if (args.length > 0 && !args[0].equals("help") && !args[0].startsWith("-") && !hasDir) {
      all.add(1, "--data-dir=" + dir.resolve("store"));
    }
    int code = EngramCli.run(all.toArray(String[]::new), new PrintWriter(out, true),
        new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void should_answer_the_quickstart_questions_with_citations() {
    Run run = run("quickstart");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Tomasz Nowak").contains("He starts on the 15th of April")
        .contains("Her flight lands at 14:20 on the 8th of June")
        .contains("Membership costs 35 euros a year")
        .contains("cited")
        .contains("A: I don't have that in memory.");
    Run again = run("quickstart");
    assertThat(again.out()).contains("0 new item(s)");
  }

  @Test
  void should_ingest_a_chat_log_then_ask_search_stats_and_forget() throws IOException {
    // given
    Path chat = write("chat.jsonl", String.join("\n",
        "{\"session\":\"s1\",\"role\":\"user\",\"content\":\"My bike is a green Brompton.\",\"id\":\"t1\"}",
        "{\"session\":\"s1\",\"role\":\"assistant\",\"content\":\"Folding bikes are handy.\",\"id\":\"t2\"}",
        "{\"session\":\"s2\",\"role\":\"user\",\"content\":\"I work at the observatory on Tuesdays.\",\"id\":\"t3\"}"));

    // when
    Run ingest = run("ingest", "-q", "-s", "ann", chat.toString());
    Run ask = run("ask", "-s", "ann", "--json", "What colour is my bike?");
    Run search = run("search", "-s", "ann", "--explain", "observatory");
    Run stats = run("stats", "--json");

    // then
    assertThat(ingest.code()).as(ingest.err()).isZero();
    assertThat(ingest.out()).contains("remembered 2 new item(s) from 2 session(s)");
    JsonNode answer = Json.MAPPER.readTree(ask.out());
    assertThat(answer.get("answer").asText()).contains("green Brompton");
    assertThat(answer.get("citations").get(0).get("sourceIds").toString()).contains("t1");
    assertThat(search.out()).contains("observatory").contains("why:");
    assertThat(Json.MAPPER.readTree(stats.out()).get("items").asLong()).isEqualTo(2);

    Run forget = run("forget", "-s", "ann", "--session", "s1");
    assertThat(forget.out()).contains("forgot 1 item(s)");
    Run after = run("ask", "-s", "ann", "--json", "What colour is my bike?");
    assertThat(after.out()).doesNotContain("Brompton");
  }

  @Test
  void should_keep_the_good_lines_before_a_malformed_one_and_name_the_line() throws IOException {
    Path chat = write("bad.jsonl", String.join("\n",
        "{\"session\":\"s1\",\"role\":\"user\",\"content\":\"First good line.\"}",
        "{\"session\":\"s1\",\"role\":\"user\",\"content\":\"Second good line.\"}",
        "{\"session\":\"s1\",\"role\":\"robot\",\"content\":\"bad role\"}",
        "{\"session\":\"s1\",\"role\":\"user\",\"content\":\"never read\"}"));

    Run run = run("ingest", "-q", chat.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("bad.jsonl:3").contains("role")
        .contains("2 good line(s) before it were remembered");
    assertThat(run("stats", "--json").out()).contains("\"items\" : 2");
  }

  @Test
  void should_remember_with_the_embedder_chosen_and_refuse_another_on_that_store()
      throws IOException {
    Path chat = write("chat.jsonl", String.join("\n",
        "{\"session\":\"s1\",\"role\":\"user\",\"content\":\"My bike is a green Brompton.\"}",
        "{\"session\":\"s2\",\"role\":\"user\",\"content\":\"I work at the observatory.\"}"));
    String joint = "--embedder=bge-small-en-v1.5-q+e5-small-v2-q";

    Run ingest = run("ingest", "-q", joint, "-s", "ann", chat.toString());
    Run ask = run("ask", joint, "-s", "ann", "--json", "What colour is my bike?");
    Run stats = run("stats", joint, "--json");
    Run other = run("ask", "-s", "ann", "What colour is my bike?");
    Run unknown = run("ask", "--embedder=ada", "-s", "ann", "What colour is my bike?");

    assertThat(ingest.code()).as(ingest.err()).isZero();
    assertThat(Json.MAPPER.readTree(ask.out()).get("answer").asText()).contains("green Brompton");
    assertThat(stats.out()).contains("bge-small-en-v1.5-q+e5-small-v2-q").contains("768");
    assertThat(other.code()).isEqualTo(1);
    assertThat(other.err()).contains("bge-small-en-v1.5-q+e5-small-v2-q")
        .contains("bge-small-en-v1.5-q");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("'ada'").contains("e5-small-v2-q");
  }

  @Test
  void should_fail_clearly_on_bad_input_without_touching_the_store() throws IOException {
    Path notAStore = Files.createDirectories(dir.resolve("photos"));
    Files.writeString(notAStore.resolve("cat.jpg"), "not memory");

    Run missing = run("ingest", "-q", dir.resolve("nope.txt").toString());
    Run unknown = run("ingest", "-q", write("data.csv", "a,b").toString());
    Run noStore = run("ask", "anything?");
    Run wrongDir = run("ingest", "-q", "--data-dir=" + notAStore, write("a.txt", "Some text.").toString());
    Run usage = run("ask");

    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("nope.txt");
    assertThat(unknown.err()).contains("unknown file format").contains("data.csv");
    assertThat(noStore.code()).isEqualTo(1);
    assertThat(noStore.err()).startsWith("engram: error: ").contains("store");
    assertThat(wrongDir.err()).contains("not an Engram store");
    assertThat(Files.readString(notAStore.resolve("cat.jpg"))).isEqualTo("not memory");
    assertThat(Files.list(notAStore).count()).isEqualTo(1);
    assertThat(usage.code()).isEqualTo(2);
  }

  @Test
  void should_refuse_a_store_locked_by_another_writer_but_still_read_it() throws IOException {
    Path note = write("note.txt", "The spare key is under the blue pot.");
    run("ingest", "-q", "-s", "ann", note.toString());

    try (dev.engram.Engram writer = dev.engram.Engram.open(dir.resolve("store"))) {
      Run ingest = run("ingest", "-q", "-s", "ann", write("other.txt", "More text.").toString());
      Run ask = run("ask", "-s", "ann", "Where is the spare key?");

      assertThat(ingest.code()).isEqualTo(1);
      assertThat(ingest.err()).contains("locked");
      assertThat(ask.code()).as(ask.err()).isZero();
      assertThat(ask.out()).contains("blue pot");
    }
  }

  @Test
  void should_name_an_unknown_subject_and_list_the_known_ones() throws IOException {
    run("ingest", "-q", "-s", "ann", write("note.txt", "The spare key is under the blue pot.").toString());

    Run run = run("ask", "-s", "bob", "Where is the key?");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("subject 'bob' has no memory").contains("subjects: ann");
  }

  @Test
  void should_say_when_there_is_nothing_to_forget() throws IOException {
    run("ingest", "-q", "-s", "ann", write("note.txt", "The spare key is under the blue pot.").toString());

    Run run = run("forget", "-s", "ann", "--session", "no-such-session");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("nothing to forget");
  }

  @Test
  void should_print_help_for_every_command() {
    for (String command : List.of("quickstart", "ingest", "ask", "search", "forget", "stats")) {
      Run run = run("help", command);
      assertThat(run.code()).isZero();
      assertThat(run.out()).contains("Usage: engram " + command).contains("--data-dir");
    }
  }
}
