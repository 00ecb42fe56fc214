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

/** forget by time and query (with --dry-run), facts, history and rollback, end to end. */
class GovernanceCommandsTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  @Test
  void should_forget_by_query_and_time_show_history_and_roll_back() throws IOException {
    // given
    Path chat = dir.resolve("chat.jsonl");
    Files.writeString(chat, String.join("\n",
        "{\"session\":\"s1\",\"role\":\"user\",\"content\":\"I live in Porto.\","
            + "\"time\":\"2024-01-10T10:00:00Z\"}",
        "{\"session\":\"s2\",\"role\":\"user\",\"content\":\"My gate code is 7788, keep it.\","
            + "\"time\":\"2024-02-10T10:00:00Z\"}",
        "{\"session\":\"s3\",\"role\":\"user\",\"content\":\"I moved to Lisbon.\","
            + "\"time\":\"2024-03-10T10:00:00Z\"}"), StandardCharsets.UTF_8);
    assertThat(run("ingest", "-q", "-s", "ann", chat.toString()).code()).isZero();

    // when / then: facts, superseded value hidden, history available
    assertThat(run("facts", "-s", "ann").out()).contains("home: Lisbon").doesNotContain("Porto");
    assertThat(run("facts", "-s", "ann", "--attribute", "home").out())
        .contains("home: Porto  from 2024-01-10T10:00:00Z to 2024-03-10T10:00:00Z");

    // a dry run lists, changes nothing
    Run dry = run("forget", "-s", "ann", "--matching", "gate code", "--dry-run");
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("would forget 1 item(s)").contains("My gate code is 7788");
    assertThat(run("ask", "-s", "ann", "What is my gate code?").out()).contains("7788");

    // forgetting nothing says so
    Run none = run("forget", "-s", "ann", "--before", "2023-01-01");
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("nothing to forget").contains("unchanged");

    Run forget = run("forget", "-s", "ann", "--between", "2024-02-01,2024-03-01",
        "--matching", "gate", "--reason", "asked by user");
    assertThat(forget.code()).as(forget.err()).isZero();
    assertThat(forget.out()).contains("forgot 1 item(s)");
    assertThat(run("ask", "-s", "ann", "What is my gate code?").out()).doesNotContain("7788");

    Run history = run("history", "-s", "ann", "--json");
    JsonNode events = Json.MAPPER.readTree(history.out());
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.get("action").asText()).isEqualTo("FORGET");
    assertThat(last.get("actor").asText()).isEqualTo("cli:forget");
    assertThat(last.get("reason").asText()).startsWith("asked by user");
    assertThat(history.out()).doesNotContain("7788");

    // roll back to before the move: Porto is current again; the forgotten code stays gone
    long beforeMove = 0;
    for (JsonNode event : events) {
      if (event.get("reason").asText().equals("session s3")) {
        beforeMove = event.get("version").asLong() - 1;
      }
    }
    Run rollback = run("rollback", "-s", "ann", "--to", Long.toString(beforeMove));
    assertThat(rollback.code()).as(rollback.err()).isZero();
    assertThat(run("facts", "-s", "ann").out()).contains("home: Porto").doesNotContain("Lisbon");
    assertThat(run("ask", "-s", "ann", "What is my gate code?").out()).doesNotContain("7788");
    Run unknown = run("rollback", "-s", "ann", "--to", "999");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("unknown version 999");
  }

  @Test
  void should_reject_ambiguous_or_unreadable_forget_targets() {
    // when
    Run both = run("forget", "-s", "ann", "--all", "--matching", "x");
    Run badDate = run("forget", "-s", "ann", "--before", "last tuesday");

    // then
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("exactly one of");
    assertThat(badDate.code()).isEqualTo(2);
    assertThat(badDate.err()).contains("--before expects a date");
  }

  @Test
  void should_prune_with_given_decay_rates_and_refuse_bad_ones() throws IOException {
    // given: an instruction, then small talk, then ordinary rounds
    Path chat = dir.resolve("chat.jsonl");
    List<String> lines = new ArrayList<>();
    lines.add(line("s0", "From now on always answer me in Portuguese.", "2024-01-01"));
    lines.add(line("s1", "hey thanks, sounds good!", "2024-01-02"));
    for (int i = 0; i < 12; i++) {
      lines.add(line("n" + i, "Project " + i + " needs invoices, a migration plan and "
          + "reviewer " + (char) ('A' + i), "2024-02-" + (10 + i)));
    }
    Files.writeString(chat, String.join("\n", lines), StandardCharsets.UTF_8);
    assertThat(run("ingest", "-q", "-s", "ann", chat.toString()).code()).isZero();

    // when
    Run research = run("prune", "-s", "ann", "--keep", "3", "--decay", "0.7,0.9,1", "--dry-run");
    Run two = run("prune", "-s", "ann", "--decay", "0.7,0.9", "--keep", "3");
    Run zero = run("prune", "-s", "ann", "--decay", "0.7,0,1", "--keep", "3");

    // then
    assertThat(research.code()).as(research.err()).isZero();
    assertThat(research.out()).contains("would move 11 episode(s)");
    assertThat(two.code()).isEqualTo(1);
    assertThat(two.err()).contains("decay takes three rates");
    assertThat(zero.code()).isEqualTo(1);
    assertThat(zero.err()).contains("ordinary must be in (0, 1]");
  }

  @Test
  void should_read_the_admission_threshold_from_the_environment_or_refuse_it() {
    assertThat(StoreOptions.admission(null)).isEqualTo(dev.engram.write.AdmissionPolicy.DEFAULT);
    assertThat(StoreOptions.admission(" 0.1 ").threshold()).isEqualTo(0.1);
    assertThat(StoreOptions.admission("0").gates()).isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StoreOptions.admission("high"))
        .hasMessageContaining("ENGRAM_ADMISSION_THRESHOLD must be a number in [0, 1]");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StoreOptions.admission("2"))
        .hasMessageContaining("was '2'");
  }

  private static String line(String session, String content, String day) {
    return "{\"session\":\"" + session + "\",\"role\":\"user\",\"content\":\"" + content
        + "\",\"time\":\"" + day + "T10:00:00Z\"}";
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, "--data-dir=" + dir.resolve("store"));
    int code = EngramCli.run(all.toArray(String[]::new), new PrintWriter(out, true),
        new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }
}
