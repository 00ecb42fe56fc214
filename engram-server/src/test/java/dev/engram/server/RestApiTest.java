package dev.engram.server;

import static dev.engram.server.TestServer.messages;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engram.server.TestServer.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API end to end over HTTP, on a real Lucene store. */
class RestApiTest {
  @TempDir Path dir;
  TestServer server;
  String key;

  @BeforeEach
  void start() {
    server = TestServer.start(dir);
    key = server.key("acme");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void should_remember_messages_and_find_them_by_search_and_ask() {
    Reply stored = server.post(key, "/v1/subjects/alice/messages", messages("s1",
        "We adopted a beagle called Biscuit from the shelter.", "Congratulations!"));
    assertThat(stored.status()).isEqualTo(201);
    assertThat(stored.json().get("added").asInt()).isEqualTo(1);
    String id = stored.json().get("addedIds").get(0).asText();

    Reply search = server.post(key, "/v1/subjects/alice/search", "{\"query\":\"beagle name\"}");
    assertThat(search.status()).isEqualTo(200);
    assertThat(search.json().get("context").asText()).contains("Biscuit");
    assertThat(search.json().get("items").get(0).get("item").get("id").asText()).isEqualTo(id);

    Reply ask = server.post(key, "/v1/subjects/alice/ask",
        "{\"question\":\"What is my beagle called?\"}");
    assertThat(ask.status()).isEqualTo(200);
    assertThat(ask.json().get("answer").asText()).contains("Biscuit");
    assertThat(ask.json().get("citations").get(0).get("itemId").asText()).isEqualTo(id);
  }

  @Test
  void should_serve_history_sessions_stats_items_and_forget_for_real() {
    server.post(key, "/v1/subjects/bob/messages", messages("s1", "I moved to Lisbon.", "Nice."));
    server.post(key, "/v1/subjects/bob/messages", messages("s2", "I started learning Portuguese.",
        "Boa sorte!"));
    Reply doc = server.post(key, "/v1/subjects/bob/documents",
        "{\"id\":\"notes.md\",\"text\":\"The flat on Rua Augusta has two bedrooms.\","
            + "\"time\":\"2026-01-01T09:00:00Z\"}");
    assertThat(doc.status()).isEqualTo(201);

    List<String> episodes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String page = "/v1/subjects/bob/items?limit=2";
    for (int pages = 0; page != null; pages++) {
      assertThat(pages).as("pages").isLessThan(10);
      JsonNode items = server.get(key, page).json();
      assertThat(items.get("items").size()).isBetween(1, 2);
      for (JsonNode item : items.get("items")) {
        assertThat(seen.add(item.get("id").asText())).as("listed once").isTrue();
        if (item.get("kind").asText().equals("episode")) {
          episodes.add(item.get("session").asText());
        }
      }
      page = items.get("next").isNull() ? null
          : "/v1/subjects/bob/items?limit=2&from=" + items.get("next").asLong();
    }
    assertThat(episodes).containsExactly("s1", "s2", "notes.md");
    JsonNode history = server.get(key, "/v1/subjects/bob/items").json();
    assertThat(history.get("items").get(0).get("text").asText()).contains("Lisbon");
    JsonNode audit = server.get(key, "/v1/subjects/bob/history").json().get("events");
    assertThat(audit).filteredOn(e -> e.get("action").asText().equals("remember"))
        .extracting(e -> e.get("reason").asText())
        .containsExactly("session s1", "session s2", "session notes.md");
    assertThat(audit).allSatisfy(e -> assertThat(e.get("actor").asText())
        .isEqualTo("engram-server"));

    JsonNode sessions = server.get(key, "/v1/subjects/bob/sessions").json().get("sessions");
    assertThat(sessions).extracting(s -> s.get("id").asText())
        .containsExactly("s1", "s2", "notes.md");
    // counts are of remembered items (episodes, notes), not of derived summaries and facts
    assertThat(server.get(key, "/v1/subjects/bob/stats").json().get("items").asLong())
        .isEqualTo(3);
    assertThat(server.get(key, "/v1/subjects").json().get("subjects")).hasSize(1);
    JsonNode tenant = server.get(key, "/v1/stats").json();
    assertThat(tenant.get("tenant").asText()).isEqualTo("acme");
    assertThat(tenant.get("items").asLong()).isEqualTo(3);

    String first = history.get("items").get(0).get("id").asText();
    assertThat(server.get(key, "/v1/subjects/bob/items/" + first).json().get("text").asText())
        .contains("Lisbon");
    assertThat(server.delete(key, "/v1/subjects/bob/items/" + first).json().get("deleted").asInt())
        .isEqualTo(1);
    assertThat(server.get(key, "/v1/subjects/bob/items/" + first).status()).isEqualTo(404);
    assertThat(server.delete(key, "/v1/subjects/bob/items/" + first).status()).isEqualTo(404);

    assertThat(server.delete(key, "/v1/subjects/bob/sessions/s2").json().get("deleted").asInt())
        .isEqualTo(1);
    assertThat(server.delete(key, "/v1/subjects/bob").json().get("deleted").asInt())
        .isGreaterThanOrEqualTo(1);
    assertThat(server.get(key, "/v1/subjects/bob/items").status()).isEqualTo(404);
    assertThat(server.store.stats().items()).isZero();
    // the audit log outlives forgetting and records it
    JsonNode after = server.get(key, "/v1/subjects/bob/history").json().get("events");
    assertThat(after.get(after.size() - 1).get("action").asText()).isEqualTo("forget");
  }

  @Test
  void should_search_by_retrieval_when_memory_exceeds_the_budget() {
    for (int i = 0; i < 30; i++) {
      assertThat(server.post(key, "/v1/subjects/dave/messages", messages("s" + (i % 5),
          "Note " + i + ": I booked table " + (i * 3) + " at restaurant number " + i + ".",
          "Booked, enjoy dinner " + i + ".")).status()).isEqualTo(201);
    }
    Reply search = server.post(key, "/v1/subjects/dave/search",
        "{\"query\":\"Which table did I book at restaurant number 17?\",\"budget\":100}");
    assertThat(search.status()).as(search.body() + server.log()).isEqualTo(200);
    assertThat(search.json().get("mode").asText()).isEqualTo("retrieval");
    assertThat(search.json().get("context").asText()).contains("restaurant number 17.");
    assertThat(search.json().get("tokens").asInt()).isLessThanOrEqualTo(100);
  }

  @Test
  void should_skip_a_duplicate_round_in_the_same_session() {
    String body = messages("s1", "My sister lives in Porto.", "Lovely city.");
    assertThat(server.post(key, "/v1/subjects/carol/messages", body).json().get("added").asInt())
        .isEqualTo(1);
    JsonNode again = server.post(key, "/v1/subjects/carol/messages", body).json();
    assertThat(again.get("added").asInt()).isZero();
    assertThat(again.get("skippedDuplicates").asInt()).isEqualTo(1);
  }

  @Test
  void should_answer_bad_input_with_one_clear_400() {
    Reply noMessages = server.post(key, "/v1/subjects/alice/messages",
        "{\"session\":\"s1\",\"messages\":[]}");
    assertThat(noMessages.status()).isEqualTo(400);
    assertThat(noMessages.json().path("error").path("message").asText())
        .isEqualTo("messages must not be empty");

    Reply badRole = server.post(key, "/v1/subjects/alice/messages",
        "{\"session\":\"s1\",\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}]}");
    assertThat(badRole.status()).isEqualTo(400);
    assertThat(badRole.errorCode()).isEqualTo("invalid_argument");
    assertThat(badRole.json().path("error").path("message").asText()).contains("'wizard'");

    Reply badTime = server.post(key, "/v1/subjects/alice/documents",
        "{\"id\":\"d\",\"text\":\"x\",\"time\":\"yesterday\"}");
    assertThat(badTime.status()).isEqualTo(400);
    assertThat(badTime.json().path("error").path("message").asText()).contains("time must be");

    Reply badLimit = server.get(key, "/v1/subjects/alice/history?limit=0");
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.json().path("error").path("message").asText())
        .isEqualTo("limit must be an integer in [1, 1000], was '0'");

    Reply wrongType = server.post(key, "/v1/subjects/alice/documents", "{\"id\":\"d\",\"text\":[1]}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.errorCode()).isEqualTo("malformed_json");
    assertThat(server.store.stats().items()).isZero();
  }

  @Test
  void should_expose_health_readiness_and_prometheus_metrics() {
    assertThat(server.get(null, "/health").status()).isEqualTo(200);
    assertThat(server.get(null, "/ready").json().get("status").asText()).isEqualTo("ready");
    server.post(key, "/v1/subjects/alice/messages", messages("s1", "I like tea.", "Noted."));
    server.post(key, "/v1/subjects/alice/search", "{\"query\":\"tea\"}");
    server.get(null, "/v1/subjects");

    Reply metrics = server.get(null, "/metrics");
    assertThat(metrics.response().headers().firstValue("content-type").orElse(""))
        .startsWith("text/plain; version=0.0.4");
    assertThat(metrics.body())
        .contains("# TYPE engram_http_request_duration_seconds histogram")
        .contains("engram_http_request_duration_seconds_count{method=\"POST\","
            + "route=\"/v1/subjects/{subject}/messages\",status=\"201\"} 1")
        .contains("engram_recall_duration_seconds_count 1")
        .contains("engram_errors_total{code=\"401\"} 1")
        .contains("engram_items " + server.store.stats().items() + "\n");
  }

  @Test
  void should_write_structured_log_lines() {
    server.post(key, "/v1/subjects/alice/messages", messages("s1", "I like tea.", "Noted."));
    assertThat(server.log()).containsPattern(
        "ts=\\S+ event=request method=POST route=/v1/subjects/\\{subject}/messages status=201 "
            + "ms=\\S+ tenant=acme key=[0-9a-f]{12}");
  }
}
