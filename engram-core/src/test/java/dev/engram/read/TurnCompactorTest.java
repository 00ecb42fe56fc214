package dev.engram.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.model.ItemKind;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnCompactorTest {
  private static final String REPLY = "assistant: " + "Here are some thoughts on planning a garden "
      + "layout with raised beds and paths. ".repeat(40)
      + "\nI would recommend the Trattoria Sole on Via Roma for dinner.";

  private static MemoryItem round(String text, List<String> ids) {
    return new MemoryItem("i1", SubjectRef.of("a"), "s", ItemKind.EPISODE, 0, 0, Instant.EPOCH,
        Instant.EPOCH, text, text, ids, "h", null);
  }

  @Test
  void should_keep_the_user_turn_whole_and_shorten_a_long_reply() {
    MemoryItem item = round("user: I planted tomatoes next to the basil in May.\n" + REPLY,
        List.of("u1", "a1"));

    MemoryItem view = new TurnCompactor("when did I plant the tomatoes", 200, 3500).view(item);

    assertThat(view.id()).isEqualTo("i1");
    assertThat(view.text()).startsWith("user: I planted tomatoes next to the basil in May.\n"
        + "assistant: Here are some thoughts").endsWith(" …");
    assertThat(view.tokens()).isLessThan(100);
    assertThat(view.sourceIds()).containsExactly("u1");
  }

  @Test
  void should_keep_a_long_user_turn_whole_when_it_takes_at_most_a_fifth_of_the_budget() {
    // ~1,000 tokens pasted by the user, then a short reply that names the case too
    String pasted = "user: Remember this case summary. Bajimaya v Reward Homes: the construction"
        + " of the house began in 2014. " + "The builder and the owners disputed defects. "
        .repeat(85);
    MemoryItem item = round(pasted + "\nassistant: Acknowledged, Bajimaya v Reward Homes.",
        List.of("u1", "a1"));
    String query = "what year did construction of the house in Bajimaya v Reward Homes begin";

    MemoryItem small = new TurnCompactor(query, 200, 3500).view(item);
    MemoryItem large = new TurnCompactor(query, 200, 8000).view(item);

    assertThat(item.tokens()).isBetween(900, 1100);
    assertThat(small.sourceIds()).containsExactly("a1");
    assertThat(small.tokens()).isLessThan(100);
    assertThat(large.sourceIds()).containsExactly("u1", "a1");
    assertThat(large.text()).isEqualTo(item.text());
  }

  @Test
  void should_keep_the_reply_whole_when_the_question_asks_what_you_said() {
    MemoryItem item = round("user: Any idea where to eat tonight?\n" + REPLY, List.of("u1", "a1"));

    MemoryItem view = new TurnCompactor("which trattoria did you recommend", 200, 3500).view(item);

    assertThat(view.text()).contains("Trattoria Sole on Via Roma");
    assertThat(view.sourceIds()).containsExactly("u1", "a1");
  }

  @Test
  void should_leave_short_rounds_and_unmatched_turn_ids_alone() {
    MemoryItem shortRound = round("user: hi\nassistant: hello", List.of("u1", "a1"));
    MemoryItem noIds = round("user: I planted tomatoes.\n" + REPLY, List.of());

    TurnCompactor compactor = new TurnCompactor("tomatoes", 200, 3500);

    assertThat(compactor.view(shortRound)).isSameAs(shortRound);
    assertThat(compactor.view(noIds)).isSameAs(noIds);
    MemoryItem longRound = round("user: x\n" + REPLY, List.of("u", "a"));
    assertThat(new TurnCompactor("tomatoes", 0, 3500).view(longRound).text())
        .endsWith("Via Roma for dinner.");
  }

  @Test
  void should_split_turns_at_role_prefixes_only() {
    assertThat(TurnCompactor.turns("user: a\nmore of a\nassistant: b\nuser: c"))
        .containsExactly("user: a\nmore of a", "assistant: b", "user: c");
  }
}
