package dev.engram.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PackerTest {
  private static MemoryItem item(String id, String text) {
    return new MemoryItem(id, SubjectRef.of("a"), "s", ItemKind.EPISODE, 0, 0, Instant.EPOCH,
        Instant.EPOCH, text, text, List.of(id), "h-" + id, null);
  }

  private static Candidate candidate(MemoryItem item, int rank) {
    return new Candidate(item, rank, 1.0 / rank, rank, 2.0, 0, 0);
  }

  @Test
  void should_skip_what_no_longer_fits_and_still_pack_a_smaller_item_further_down() {
    MemoryItem first = item("first", "x ".repeat(200));
    MemoryItem big = item("big", "y ".repeat(200));
    MemoryItem small = item("small", "a short note about the garden");
    int budget = ContextRenderer.cost(first) + ContextRenderer.cost(small) + 5;
    Packer packer = new Packer(budget, new TurnCompactor("garden", 0, budget));

    packer.packHits(List.of(candidate(first, 1), candidate(big, 2), candidate(small, 3)));

    assertThat(packer.packed()).extracting(p -> p.item().id()).containsExactly("first", "small");
    Map<String, Explanation> why = packer.explanations();
    assertThat(why.get("big").fate()).isEqualTo(Explanation.Fate.OVER_BUDGET);
    assertThat(why.get("big").detail()).contains("tokens left");
    assertThat(why.get("small").fate()).isEqualTo(Explanation.Fate.PACKED);
  }

  @Test
  void should_drop_a_near_duplicate_that_would_fit() {
    String text = "we planted tomatoes and basil in the raised bed by the fence in May";
    Packer packer = new Packer(1000, new TurnCompactor("tomatoes", 0, 1000));

    packer.packHits(List.of(candidate(item("one", text), 1), candidate(item("two", text), 2)));

    assertThat(packer.packed()).extracting(p -> p.item().id()).containsExactly("one");
    assertThat(packer.explanations().get("two").fate())
        .isEqualTo(Explanation.Fate.NEAR_DUPLICATE);
    assertThat(packer.explanations().get("two").detail())
        .contains("near-duplicate of packed item one");
  }

  @Test
  void should_describe_a_candidate_with_its_ranks_and_scores() {
    MemoryItem it = item("i7", "text");

    assertThat(Packer.describe(new Candidate(it, 3, 0.01235, 2, 7.0, 0, 0)))
        .isEqualTo(
            "i7: fused rank 3 (score 0.0124) from BM25 rank 2 (score 7.000) and vector miss");
    assertThat(Packer.describe(new Candidate(it, 1, 0.5, 0, 0, 4, 0.8125)))
        .isEqualTo(
            "i7: fused rank 1 (score 0.5000) from BM25 miss and vector rank 4 (cosine 0.813)");
  }

  @Test
  void should_print_fixed_decimals_as_string_format_does() {
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      double value = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(5) - 2);
      int places = 3 + random.nextInt(2);
      assertThat(Packer.fixed(value, places)).as("%s at %d places", value, places)
          .isEqualTo(String.format(Locale.ROOT, "%." + places + "f", value));
    }
    assertThat(Packer.fixed(-0.00001, 3)).isEqualTo("-0.000");
    assertThat(Packer.fixed(1.0, 4)).isEqualTo("1.0000");
  }

  @Test
  void should_never_find_a_view_cheaper_than_the_cheapest_view() {
    String reply = "assistant: " + "Some thoughts on raised beds, paths and watering. ".repeat(30);
    List<MemoryItem> rounds = List.of(
        item("r1", "user: I planted tomatoes next to the basil in May.\n" + reply),
        item("r2", "user: " + "My grandmother's recipe for basil pesto is long. ".repeat(40)
            + "\nassistant: Acknowledged."),
        item("r3", "user: hi\nassistant: hello"));
    for (String query : List.of("tomatoes", "what did you say about watering", "pesto recipe")) {
      for (int budget : List.of(1000, 3500, 8000)) {
        TurnCompactor compactor = new TurnCompactor(query, 200, budget);
        for (MemoryItem round : rounds) {
          MemoryItem withIds = new MemoryItem(round.id(), round.owner(), round.session(),
              round.kind(), 0, 0, Instant.EPOCH, Instant.EPOCH, round.text(), round.key(),
              TurnCompactor.turns(round.text()).stream().map(t -> round.id() + t.length())
                  .collect(Collectors.toList()), round.contentHash(), null);
          assertThat(ContextRenderer.cost(compactor.cheapestView(withIds)))
              .as("%s for %s at %d", round.id(), query, budget)
              .isLessThanOrEqualTo(ContextRenderer.cost(compactor.view(withIds)));
        }
      }
    }
  }
}
