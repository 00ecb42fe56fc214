package dev.engram.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code engram keys} and {@code engram serve} as picocli commands, on the embedded default. */
class ServerCommandsTest {
  @TempDir Path root;

  @Test
  @Timeout(120)
  void should_create_list_revoke_keys_and_serve_with_them() throws Exception {
    Path dir = root.resolve("data");
    Run created = run(new KeysCommand(), "create", "--tenant", "acme", "--name", "web",
        "--data-dir", dir.toString());
    assertThat(created.exit).isZero();
    String key = created.out.strip();
    assertThat(key).matches("egk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    assertThat(created.err).contains("created key " + key.substring(4, 16) + " for tenant acme");
    assertThat(Files.readString(dir.resolve("server-keys.json"))).doesNotContain(key.substring(17));

    Run listed = run(new KeysCommand(), "list", "--data-dir", dir.toString());
    assertThat(listed.out).contains(key.substring(4, 16)).contains("acme").contains("active")
        .contains("web").doesNotContain(key.substring(17));

    CountDownLatch stop = new CountDownLatch(1);
    StringWriter serveOut = new StringWriter();
    CommandLine serve = new CommandLine(new ServeCommand(stop));
    serve.setOut(new PrintWriter(serveOut, true));
    int[] exit = {-1};
    Thread serving = new Thread(() -> exit[0] = serve.execute(
        "--data-dir", dir.toString(), "--port", "0"), "serve");
    serving.start();
    int port = awaitPort(serveOut);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> stored = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/v1/subjects/alice/messages"))
        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"session\":\"s1\",\"messages\":["
            + "{\"role\":\"user\",\"content\":\"My physio is Dr. Okafor.\"}]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);

    Run revoked = run(new KeysCommand(), "revoke", key.substring(4, 16), "--data-dir",
        dir.toString());
    assertThat(revoked.exit).isZero();
    HttpResponse<String> refused = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/v1/subjects")).header("Authorization",
            "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(run(new KeysCommand(), "list", "--data-dir", dir.toString()).out)
        .contains("revoked");
    Run again = run(new KeysCommand(), "revoke", key.substring(4, 16), "--data-dir",
        dir.toString());
    assertThat(again.exit).isEqualTo(1);
    assertThat(again.err).contains("no active key with id " + key.substring(4, 16));

    stop.countDown();
    serving.join(TimeUnit.SECONDS.toMillis(60));
    assertThat(exit[0]).isZero();
  }

  @Test
  void should_refuse_a_bad_port_with_a_usage_error() {
    Run bad = run(new ServeCommand(), "--port", "http", "--data-dir", root.toString());
    assertThat(bad.exit).isEqualTo(2);
    assertThat(bad.err).contains("Invalid value for option '--port'");
  }

  @Test
  void should_name_an_unknown_store_kind_and_start_nothing() {
    Run bad = run(new ServeCommand(), "--store", "nosuch", "--port", "0", "--data-dir",
        root.resolve("data").toString());
    assertThat(bad.exit).isNotZero();
    assertThat(bad.err).contains("nosuch");
    assertThat(root.resolve("data")).doesNotExist();
  }

  private static int awaitPort(StringWriter out) throws InterruptedException {
    Pattern serving = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      Matcher m = serving.matcher(out.toString());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("server did not start; output: " + out);
  }

  private static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(command);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int exit = line.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private record Run(int exit, String out, String err) {}
}
