package dev.engram.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served OpenAPI document lists exactly the routes the real router has. */
class OpenApiRoutesTest {
  private static final Set<HandlerType> VERBS = Set.of(HandlerType.GET, HandlerType.POST,
      HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

  @TempDir Path dir;

  @Test
  void should_document_every_route_and_no_other() {
    try (TestServer server = TestServer.start(dir)) {
      JsonNode doc = server.get(null, "/openapi.json").json();
      assertThat(doc.get("openapi").asText()).startsWith("3.");
      Set<String> documented = new TreeSet<>();
      for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
          paths.hasNext(); ) {
        Map.Entry<String, JsonNode> path = paths.next();
        path.getValue().fieldNames().forEachRemaining(
            method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey()));
      }
      Set<String> routed = new TreeSet<>();
      server.server.app().unsafe.internalRouter.allHttpHandlers().stream()
          .map(parsed -> parsed.endpoint)
          .filter(endpoint -> VERBS.contains(endpoint.method))
          .forEach(endpoint -> routed.add(endpoint.method.name() + " " + endpoint.path));

      assertThat(routed).hasSizeGreaterThan(15);
      assertThat(documented).isEqualTo(routed);
    }
  }
}
