package dev.engram.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.model.Message;
import dev.engram.model.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the real benchmark files from the {@code shared/data} folder that sits beside the
 * repository (never copied into it: see {@code shared/data/README.md}). The folder is found by
 * walking up from the working directory, or named with {@code -Dengram.data.dir=...}. If it is not
 * found the test fails: a missing data folder must not pass as green.
 */
class RealDatasetFilesTest {
  private static final String LOCOMO = "locomo/locomo10.json";
  private static Path data;

  @BeforeAll
  static void findData() {
    data = dataDir();
  }

  @Test
  void locomo10_has_10_samples_1986_questions_and_evidence_that_maps_to_turns() {
    // given
    Path file = data.resolve(LOCOMO);

    // when
    List<LocomoSample> samples = LocomoReader.read(file);

    // then
    assertThat(FileFormat.detect(file)).isEqualTo(FileFormat.LOCOMO);
    assertThat(samples).hasSize(10);
    assertThat(samples).extracting(LocomoSample::sampleId).startsWith("conv-26").doesNotHaveDuplicates();
    assertThat(samples.stream().mapToInt(s -> s.questions().size()).sum()).isEqualTo(1986);
    assertThat(samples.stream().mapToInt(s -> s.sessions().size()).sum()).isEqualTo(272);
    assertThat(samples.stream().flatMap(s -> s.sessions().stream())
        .mapToInt(s -> s.messages().size()).sum()).isEqualTo(5882);
    Map<Integer, Long> byCategory = samples.stream().flatMap(s -> s.questions().stream())
        .collect(Collectors.groupingBy(LocomoQuestion::category, TreeMap::new, Collectors.counting()));
    assertThat(byCategory).isEqualTo(Map.of(1, 282L, 2, 321L, 3, 96L, 4, 841L, 5, 446L));
    assertThat(samples.stream().flatMap(s -> s.questions().stream())
        .filter(q -> q.evidence().isEmpty()).count()).isEqualTo(4);
    assertThat(samples.stream().flatMap(s -> s.questions().stream())
        .filter(q -> q.answer() == null && q.adversarialAnswer() == null)).isEmpty();

    Set<String> unresolved = new LinkedHashSet<>();
    for (LocomoSample sample : samples) {
      Set<String> turnIds = new HashSet<>();
      for (Session session : sample.sessions()) {
        assertThat(session.start()).isBetween(Instant.parse("2022-01-01T00:00:00Z"),
            Instant.parse("2024-12-31T00:00:00Z"));
        for (Message message : session.messages()) {
          assertThat(turnIds.add(message.id())).as("unique turn id %s", message.id()).isTrue();
        }
      }
      for (LocomoQuestion question : sample.questions()) {
        for (String id : question.evidence()) {
          if (!turnIds.contains(id)) {
            unresolved.add(sample.sampleId() + " " + id);
          }
        }
      }
    }
    assertThat(unresolved).as("evidence ids that name no turn in the official file")
        .containsExactlyInAnyOrder("conv-42 D10:19", "conv-47 D4:36");
  }

  @Test
  void longmemeval_s_dev_has_250_items_of_about_50_sessions_with_evidence_turns() {
    // given
    Path file = data.resolve("longmemeval/longmemeval_s_dev.json.gz");
    AtomicInteger abstentions = new AtomicInteger();
    Set<String> questionIds = new HashSet<>();

    // when
    int count = LongMemEvalReader.forEach(file, item -> {
      questionIds.add(item.questionId());
      if (item.abstention()) {
        abstentions.incrementAndGet();
      } else {
        assertThat(item.evidenceTurnIds()).as(item.questionId()).isNotEmpty();
      }
      assertThat(item.sessions()).as(item.questionId()).hasSizeBetween(35, 65);
      checkEvidenceNamesSessionsAndTurns(item);
    });

    // then
    assertThat(FileFormat.detect(file)).isEqualTo(FileFormat.LONGMEMEVAL);
    assertThat(count).isEqualTo(250);
    assertThat(questionIds).hasSize(250);
    assertThat(abstentions.get()).isEqualTo(15);
  }

  @Test
  void longmemeval_oracle_dev_has_the_same_250_questions_with_only_evidence_sessions() {
    // given
    Path file = data.resolve("longmemeval/longmemeval_oracle_dev.json.gz");

    // when
    List<LongMemEvalItem> items = LongMemEvalReader.readAll(file);

    // then
    assertThat(items).hasSize(250);
    for (LongMemEvalItem item : items) {
      assertThat(item.sessions()).extracting(Session::id)
          .containsExactlyInAnyOrderElementsOf(item.evidenceSessionIds());
      checkEvidenceNamesSessionsAndTurns(item);
    }
    assertThat(items.stream().filter(i -> !i.abstention()))
        .allSatisfy(i -> assertThat(i.evidenceTurnIds()).isNotEmpty());
  }

  private static void checkEvidenceNamesSessionsAndTurns(LongMemEvalItem item) {
    Set<String> sessionIds = item.sessions().stream().map(Session::id).collect(Collectors.toSet());
    Set<String> turnIds = item.sessions().stream().flatMap(s -> s.messages().stream())
        .map(Message::id).collect(Collectors.toSet());
    assertThat(sessionIds).as(item.questionId()).containsAll(item.evidenceSessionIds());
    assertThat(turnIds).as(item.questionId()).containsAll(item.evidenceTurnIds());
    assertThat(item.questionDate()).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
  }

  private static Path dataDir() {
    String configured = System.getProperty("engram.data.dir");
    if (configured != null) {
      Path dir = Path.of(configured);
      assertThat(dir.resolve(LOCOMO)).as("-Dengram.data.dir=%s must hold %s", configured, LOCOMO)
          .isRegularFile();
      return dir;
    }
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data");
      if (Files.isRegularFile(candidate.resolve(LOCOMO))) {
        return candidate;
      }
    }
    throw new AssertionError("benchmark data not found: no shared/data/" + LOCOMO + " in " + start
        + " or any parent. Put the shared/ folder beside the repository (CI does) or run with"
        + " -Dengram.data.dir=/path/to/shared/data");
  }
}
