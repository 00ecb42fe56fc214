package dev.engram.server;

import static dev.engram.server.TestServer.messages;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.server.TestServer.Reply;
import dev.engram.server.auth.ApiKeyStore;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security: tenant A's memory is unreachable from tenant B by id, path, filter or query; forged,
 * revoked and missing keys get 401; oversized and malformed bodies get clear 4xx errors; ids with
 * path tricks reach nothing; keys never appear in logs.
 */
class TenantIsolationTest {
  private static final String SECRET_TEXT = "The vault code is 7319";

  @TempDir Path dir;
  TestServer server;
  String keyA;
  String keyB;
  String itemOfA;

  @BeforeEach
  void start() {
    server = new TestServer(dir, b -> b.rateLimit(0, 1).maxBodyBytes(4096));
    keyA = server.key("tenant-a");
    keyB = server.key("tenant-b");
    Reply stored = server.post(keyA, "/v1/subjects/alice/messages",
        messages("s1", SECRET_TEXT + ".", "I will remember it."));
    assertThat(stored.status()).isEqualTo(201);
    itemOfA = stored.json().get("addedIds").get(0).asText();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void should_answer_404_for_another_tenants_subject_on_every_read_route() {
    for (String path : new String[] {"/v1/subjects/alice/items", "/v1/subjects/alice/history",
        "/v1/subjects/alice/sessions",
        "/v1/subjects/alice/stats", "/v1/subjects/alice/items/" + itemOfA}) {
      Reply reply = server.get(keyB, path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.errorCode()).as(path).isEqualTo("not_found");
      assertThat(reply.body()).as(path).doesNotContain("7319");
    }
    for (String path : new String[] {"/v1/subjects/alice/search", "/v1/subjects/alice/ask"}) {
      Reply reply = server.post(keyB, path, "{\"" + (path.endsWith("ask") ? "question" : "query")
          + "\":\"vault code\"}");
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.body()).as(path).doesNotContain("7319");
    }
    // the same 404 as a subject that exists nowhere: nothing tells B that A has an alice
    assertThat(server.get(keyB, "/v1/subjects/alice/items").body())
        .isEqualTo(server.get(keyB, "/v1/subjects/nobody/items").body());
    assertThat(server.get(keyB, "/v1/subjects/alice/history").body())
        .isEqualTo(server.get(keyB, "/v1/subjects/nobody/history").body());
    assertThat(server.get(keyB, "/v1/subjects").json().get("subjects")).isEmpty();
    assertThat(server.get(keyB, "/v1/stats").json().get("items").asLong()).isZero();
  }

  @Test
  void should_not_let_another_tenant_delete_or_overwrite() {
    assertThat(server.delete(keyB, "/v1/subjects/alice/items/" + itemOfA).status()).isEqualTo(404);
    assertThat(server.delete(keyB, "/v1/subjects/alice/sessions/s1").status()).isEqualTo(404);
    assertThat(server.delete(keyB, "/v1/subjects/alice").status()).isEqualTo(404);
    // B writing the same text under the same subject and session makes B's own item
    Reply sameText = server.post(keyB, "/v1/subjects/alice/messages",
        messages("s1", SECRET_TEXT + ".", "I will remember it."));
    assertThat(sameText.json().get("added").asInt()).isEqualTo(1);
    server.delete(keyB, "/v1/subjects/alice");
    assertThat(server.get(keyA, "/v1/subjects/alice/items/" + itemOfA).json().get("text").asText())
        .contains("7319");
  }

  @Test
  void should_ignore_no_tenant_selector_in_bodies_or_queries() {
    Reply tenantField = server.post(keyB, "/v1/subjects/alice/search",
        "{\"query\":\"vault\",\"tenant\":\"tenant-a\"}");
    assertThat(tenantField.status()).isEqualTo(400);
    assertThat(tenantField.errorCode()).isEqualTo("unknown_field");
    assertThat(tenantField.body()).doesNotContain("7319");
    Reply tenantQuery = server.get(keyB, "/v1/subjects/alice/items?tenant=tenant-a");
    assertThat(tenantQuery.status()).isEqualTo(404);
    Reply headerTrick = server.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.base() + "/v1/subjects/alice/items"))
        .header("Authorization", "Bearer " + keyB).header("X-Engram-Tenant", "tenant-a")
        .GET().build());
    assertThat(headerTrick.status()).isEqualTo(404);
  }

  @Test
  void should_reach_nothing_through_path_tricks_in_ids() {
    String[] tricks = {
        "/v1/subjects/alice/items/..%2F..%2Ftenant-a",
        "/v1/subjects/alice/items/%2e%2e",
        "/v1/subjects/alice/items/%2e%2e%2fsubjects",
        "/v1/subjects/..%2Falice/history",
        "/v1/subjects/%2e%2e/subjects/alice/history",
        "/v1/subjects/alice%00/history",
        "/v1/subjects/%EF%BC%8E%EF%BC%8E/history", // fullwidth dots
        "/v1/subjects/al%C4%B1ce/history", // dotless i
        "/v1/subjects/alice/items/" + itemOfA + "%2F..%2F" + itemOfA};
    for (String trick : tricks) {
      Reply reply = server.get(keyB, trick);
      assertThat(reply.status()).as(trick).isIn(400, 404);
      assertThat(reply.body()).as(trick).doesNotContain("7319");
      assertThat(reply.errorCode()).as(trick).isNotBlank();
    }
    Reply raw = rawGet("/v1/subjects/alice/items/../../subjects/alice/history", keyB);
    assertThat(raw.status()).isIn(400, 404);
    assertThat(raw.body()).doesNotContain("7319");
  }

  @Test
  void should_reject_missing_forged_and_revoked_keys_with_401() {
    Reply missing = server.get(null, "/v1/subjects");
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.errorCode()).isEqualTo("unauthorized");
    String forged = keyA.substring(0, keyA.length() - 4) + "AAAA";
    assertThat(server.get(forged, "/v1/subjects").status()).isEqualTo(401);
    assertThat(server.get("egk_000000000000_" + keyA.substring(17), "/v1/subjects").status())
        .isEqualTo(401);
    assertThat(server.get("not-a-key", "/v1/subjects").status()).isEqualTo(401);
    Reply basic = server.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.base() + "/v1/subjects"))
        .header("Authorization", "Basic " + keyA).GET().build());
    assertThat(basic.status()).isEqualTo(401);
    // an unknown route under /v1 is 401 too without a key: no route discovery
    assertThat(server.get(null, "/v1/admin").status()).isEqualTo(401);
    assertThat(server.get(keyA, "/v1/admin").status()).isEqualTo(404);

    // revoked from another process's view of the key file (the CLI), while the server runs
    String id = keyA.substring(4, 16);
    assertThat(ApiKeyStore.in(dir).revoke(id)).isTrue();
    Reply revoked = server.get(keyA, "/v1/subjects/alice/items");
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.body()).doesNotContain("7319");
    assertThat(server.get(keyB, "/v1/subjects").status()).isEqualTo(200);
  }

  @Test
  void should_reject_oversized_and_malformed_bodies_with_clear_4xx() {
    long before = server.store.stats().items();
    String big = "{\"id\":\"d\",\"text\":\"" + "x".repeat(5000) + "\"}";
    Reply tooBig = server.post(keyB, "/v1/subjects/bob/documents", big);
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(tooBig.errorCode()).isEqualTo("body_too_large");
    assertThat(tooBig.json().path("error").path("message").asText())
        .isEqualTo("request body must be at most 4096 bytes");

    for (String bad : new String[] {"", "{", "[]", "null", "{\"query\":\"a\"} trailing",
        "{\"query\":1e999999}", "\u0000\u0001"}) {
      Reply reply = server.post(keyA, "/v1/subjects/alice/search", bad);
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.errorCode()).as(bad).isIn("malformed_json", "invalid_argument");
    }
    Reply blankQuery = server.post(keyA, "/v1/subjects/alice/search", "{\"query\":\"  \"}");
    assertThat(blankQuery.json().path("error").path("message").asText())
        .isEqualTo("query must not be blank");
    Reply longSubject = server.post(keyA, "/v1/subjects/" + "s".repeat(300) + "/messages",
        messages("s1", "hello there", "hi"));
    assertThat(longSubject.status()).isEqualTo(400);
    assertThat(longSubject.json().path("error").path("message").asText())
        .isEqualTo("subject must be at most 256 characters, was 300");
    assertThat(server.store.stats().items()).isEqualTo(before);
  }

  @Test
  void should_never_log_keys_or_bodies() {
    server.get(keyA, "/v1/subjects/alice/items");
    server.get("egk_000000000000_forgedsecret", "/v1/subjects");
    String log = server.log();
    assertThat(log).contains("event=request").doesNotContain(keyA.substring(17))
        .doesNotContain(keyB.substring(17)).doesNotContain("forgedsecret")
        .doesNotContain("7319");
  }

  private Reply rawGet(String path, String key) {
    try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Authorization: Bearer " + key + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(response.substring(9, 12));
      return new Reply(status, response.substring(response.indexOf("\r\n\r\n") + 4), null);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
