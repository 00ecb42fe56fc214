package dev.engram.openai.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteCheckTest {
  private static MemoryItem item(String id, String text) {
    return new MemoryItem(id, new SubjectRef("default", "ann"), "s1", ItemKind.EPISODE, 0, 0,
        Instant.EPOCH, Instant.EPOCH, text, text, List.of(), "hash-" + id, null);
  }

  private final MemoryItem dog = item("e1", "user: My dog is a beagle called Biscuit. He loves the beach.");
  private final MemoryItem city = item("e2", "user: I moved to Lisbon last spring.");
  private final List<MemoryItem> packed = List.of(dog, city);

  @Test
  void passes_a_case_and_whitespace_variant_of_a_substring() {
    var found = QuoteCheck.find("  \"my dog is a   BEAGLE called biscuit\" ", dog, packed);

    assertThat(found).hasValueSatisfying(v -> {
      assertThat(v.item()).isSameAs(dog);
      assertThat(v.quote()).isEqualTo("my dog is a   BEAGLE called biscuit");
    });
  }

  @Test
  void passes_a_near_copy_of_one_sentence_and_cites_the_sentence_verbatim() {
    var found = QuoteCheck.find("My dog is a small beagle called Biscuit, he loves", dog, packed);
    var tooFar = QuoteCheck.find("My cat is a beagle called Biscuit", dog, packed);

    assertThat(found).isEmpty(); // adds a word and runs into the next sentence: 7 of 10 words
    assertThat(tooFar).isEmpty();
    assertThat(QuoteCheck.find("My dog is a  beagle, called Biscuit!", dog, packed))
        .hasValueSatisfying(v -> assertThat(v.quote()).isEqualTo("My dog is a beagle called Biscuit."));
  }

  @Test
  void credits_a_quote_to_the_packed_item_that_holds_it() {
    assertThat(QuoteCheck.find("I moved to Lisbon", dog, packed))
        .hasValueSatisfying(v -> assertThat(v.item()).isSameAs(city));
    assertThat(QuoteCheck.find("I moved to Lisbon", null, packed)).isPresent();
  }

  @Test
  void rejects_invented_and_empty_quotes() {
    assertThat(QuoteCheck.find("My dog is a poodle called Max.", dog, packed)).isEmpty();
    assertThat(QuoteCheck.find("  \"\" ", dog, packed)).isEmpty();
  }
}
