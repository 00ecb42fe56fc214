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
