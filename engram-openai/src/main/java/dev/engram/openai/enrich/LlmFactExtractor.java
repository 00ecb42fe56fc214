package dev.engram.openai.enrich;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engram.fact.Fact;
import dev.engram.fact.FactExtractor;
import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.openai.ChatTurn;
import dev.engram.openai.OpenAiChatClient;
import dev.engram.openai.OpenAiException;
import dev.engram.openai.reader.QuoteCheck;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@link FactExtractor} that asks a chat model for the facts an episode states, each with the
 * sentence that states it. A fact whose evidence is not in the episode (checked like a reader
 * quote, formula F9) is dropped. When the endpoint fails or the reply is not the requested JSON,
 * the {@code fallback} extractor answers instead and the problem goes to {@code problems}; this
 * class never throws for a failed extraction. Thread-safe if the fallback and sink are.
 */
public final class LlmFactExtractor implements FactExtractor {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String SYSTEM = """
      You extract facts a person states about themselves or their world from one excerpt of
      their conversation: where they live, people and pets and their names, preferences, plans,
      jobs, possessions, dates of events. Ignore what the assistant says unless the user confirms it.
      Reply with one JSON object and nothing else:
      {"facts": [{"attribute": "home city", "value": "Lisbon", "evidence": "sentence copied word for word"}]}
      "attribute" is a short lower-case noun phrase; "evidence" is copied exactly from the excerpt.
      If the excerpt states no such fact, reply {"facts": []}.""";

  private final OpenAiChatClient client;
  private final FactExtractor fallback;
  private final EnrichmentSink problems;

  /**
   * @param fallback used when the model fails, e.g. the offline rule-based extractor; or
   *     {@code episode -> List.of()}
   * @param problems told about failures and dropped facts (only {@link EnrichmentSink#problem} is
   *     called)
   */
  public LlmFactExtractor(OpenAiChatClient client, FactExtractor fallback, EnrichmentSink problems) {
    this.client = Require.nonNull(client, "client");
    this.fallback = Require.nonNull(fallback, "fallback");
    this.problems = Require.nonNull(problems, "problems");
  }

  @Override
  public List<Fact> extract(MemoryItem episode) {
    Require.nonNull(episode, "episode");
    String job = "facts of item " + episode.id();
    String reply;
    try {
      reply = client.complete(List.of(ChatTurn.system(SYSTEM), ChatTurn.user(episode.text()))).content();
    } catch (OpenAiException e) {
      problems.problem(job, "LLM extraction failed, used the fallback: " + e.getMessage());
      return fallback.extract(episode);
    }
    JsonNode facts = parse(reply);
    if (facts == null) {
      problems.problem(job, "LLM reply is not the requested JSON, used the fallback");
      return fallback.extract(episode);
    }
    List<Fact> out = new ArrayList<>();
    for (JsonNode fact : facts) {
      String attribute = fact.path("attribute").asText("").strip().toLowerCase(Locale.ROOT);
      String value = fact.path("value").asText("").strip();
      String evidence = fact.path("evidence").asText("");
      if (attribute.isEmpty() || value.isEmpty()) {
        continue;
      }
      Optional<QuoteCheck.Verified> found = QuoteCheck.find(evidence, episode, List.of(episode));
      if (found.isEmpty()) {
        problems.problem(job, "dropped fact '" + attribute + "': its evidence is not in the episode");
        continue;
      }
      out.add(new Fact(attribute, value, episode.eventTime(), episode.id(), found.get().quote()));
    }
    return out;
  }

  private static JsonNode parse(String reply) {
    int start = reply.indexOf('{');
    int end = reply.lastIndexOf('}');
    if (start < 0 || end < start) {
      return null;
    }
    try {
      JsonNode facts = JSON.readTree(reply.substring(start, end + 1)).path("facts");
      return facts.isArray() ? facts : null;
    } catch (IOException e) {
      return null;
    }
  }
}
