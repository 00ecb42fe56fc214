package dev.engram.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engram.Engram;
import dev.engram.MutableClock;
import dev.engram.embed.HashingEmbedder;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Session;
import dev.engram.store.AuditAction;
import dev.engram.store.AuditEvent;
import dev.engram.store.InMemoryMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every change is audited; a subject rolls back to a version; forgotten stays forgotten. */
class AuditRollbackTest {
  private static final Instant JAN = Instant.parse("2024-01-10T09:00:00Z");
  private final HashingEmbedder embedder = new HashingEmbedder(256);
  private final MutableClock clock = new MutableClock(Instant.parse("2024-06-01T00:00:00Z"));
  private final InMemoryMemoryStore store = new InMemoryMemoryStore(embedder.info());
  private final Engram engram = Engram.builder().store(store).embedder(embedder).clock(clock)
      .actor("cli-test").build();

  @AfterEach
  void close() {
    engram.close();
  }

  @Test
  void should_record_when_what_why_and_who_for_every_change() {
    // when
    remember("s1", JAN, "I live in Porto.");
    clock.advance(Duration.ofMinutes(5));
    remember("s2", JAN.plus(Duration.ofDays(30)), "I moved to Lisbon.");

    // then
    List<AuditEvent> history = engram.history("alice");
    assertThat(history).extracting(AuditEvent::version).startsWith(1L, 2L, 3L);
    assertThat(history).allMatch(e -> e.actor().equals("cli-test"));
    assertThat(history).extracting(AuditEvent::action).contains(AuditAction.REMEMBER,
        AuditAction.FACT, AuditAction.SUPERSEDE, AuditAction.SUMMARY);
    assertThat(history.get(history.size() - 1).time())
        .isEqualTo(Instant.parse("2024-06-01T00:05:00Z"));
    assertThat(history.toString()).doesNotContain("Porto").doesNotContain("Lisbon");
  }

  @Test
  void should_roll_back_to_an_earlier_version_and_keep_forgotten_content_forgotten() {
    // given
    remember("s1", JAN, "I live in Porto.");
    remember("secret", JAN.plus(Duration.ofDays(1)), "My bank pin is 8080.");
    long version = engram.history("alice").get(engram.history("alice").size() - 1).version();
    remember("s2", JAN.plus(Duration.ofDays(30)), "I moved to Lisbon.");
    engram.forgetSession("alice", "secret");

    // when
    AuditEvent rollback = engram.rollback("alice", version, "undo the move");

    // then
    assertThat(engram.facts("alice")).extracting(MemoryItem::text).containsExactly("home: Porto");
    assertThat(engram.stats("alice").items()).isEqualTo(1);
    assertThat(engram.factHistory("alice", "bank pin")).isEmpty();
    assertThat(engram.summaries("alice")).noneMatch(s -> s.text().contains("Lisbon"));
    assertThat(rollback.action()).isEqualTo(AuditAction.ROLLBACK);
    assertThat(rollback.causeIds()).containsExactly(Long.toString(version));
    assertThat(engram.history("alice").get(engram.history("alice").size() - 1))
        .isEqualTo(rollback);
  }

  @Test
  void should_refuse_an_unknown_version() {
    // given
    remember("s1", JAN, "I live in Porto.");
    long current = engram.history("alice").size();

    // when / then
    assertThatThrownBy(() -> engram.rollback("alice", current + 5, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown version " + (current + 5) + " of subject 'alice': versions are 0.."
            + current);
    assertThatThrownBy(() -> engram.rollback("alice", -1, ""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(engram.history("alice")).hasSize((int) current);
  }

  private void remember(String session, Instant at, String userText) {
    engram.remember("alice", new Session(session, at, List.of(
        Message.user(userText), Message.assistant("Noted."))));
  }
}
