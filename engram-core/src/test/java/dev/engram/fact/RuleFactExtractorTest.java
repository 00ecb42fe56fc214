package dev.engram.fact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleFactExtractorTest {
  private static final Instant AT = Instant.parse("2024-05-01T10:00:00Z");
  private final RuleFactExtractor extractor = new RuleFactExtractor();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "My dog is called Biscuit.|dog|Biscuit",
      "my favourite colour is teal, obviously|favorite colour|teal",
      "My sister's name is Anna.|sister name|Anna",
      "I just moved to Lisbon last month.|home|Lisbon",
      "I live in Porto and love it|home|Porto",
      "I work at Acme Corp.|employer|Acme Corp",
      "I work as a nurse|job|nurse",
      "I prefer tea over coffee.|preference between coffee and tea|tea",
      "I no longer work at Acme.|employer|no longer: Acme",
      "I bought a red kayak yesterday|owns kayak|red kayak",
      "I'm planning to visit Japan in May.|plan to visit|visit Japan in May",
      "I changed my password to hunter2.|password|hunter2",
      "My brother Tom lives nearby.|brother|Tom"})
  void should_extract_one_fact_per_statement(String sentence, String attribute, String value) {
    // when
    List<Fact> facts = extractor.extract(round(sentence, "Nice to hear."));

    // then
    assertThat(facts).hasSize(1);
    assertThat(facts.get(0).attribute()).isEqualTo(attribute);
    assertThat(facts.get(0).value()).isEqualTo(value);
    assertThat(facts.get(0).validFrom()).isEqualTo(AT);
    assertThat(facts.get(0).sourceItemId()).isEqualTo("ep-1");
    assertThat(facts.get(0).evidence()).isEqualTo(sentence);
  }

  @Test
  void should_read_a_correction_as_a_new_value_of_the_previous_attribute() {
    // when
    List<Fact> facts = extractor.extract(
        round("My locker code is 4312. Actually, it's 4321.", "Noted."));

    // then
    assertThat(facts).extracting(Fact::attribute).containsExactly("locker code", "locker code");
    assertThat(facts).extracting(Fact::value).containsExactly("4312", "4321");
  }

  @Test
  void should_ignore_the_assistant_and_plain_chatter() {
    // when / then
    assertThat(extractor.extract(round("How are you today?", "My name is Engram."))).isEmpty();
    assertThat(extractor.extract(round("???", "..."))).isEmpty();
  }

  private static MemoryItem round(String user, String assistant) {
    String text = "user: " + user + "\nassistant: " + assistant;
    return new MemoryItem("ep-1", SubjectRef.of("alice"), "s1", ItemKind.EPISODE, 0, 0, AT, AT,
        text, text, List.of(), "h", null);
  }
}
