package dev.engram.bench;

import dev.engram.datasets.LocomoQuestion;
import dev.engram.datasets.LocomoReader;
import dev.engram.datasets.LocomoSample;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * LoCoMo as haystacks: one per sample (its sessions are ingested once), holding the sample's
 * selected questions. Categories 1-4 are retrieval and answer targets; category 5 (adversarial)
 * is for abstention only. Categories are labelled with their number first ({@code 1 multi-hop},
 * {@code 2 temporal}, {@code 3 open-domain}, {@code 4 single-hop}, {@code 5 adversarial}), since
 * the data does not name them and vendors map them differently. The memory's clock is the last
 * session's start plus one day (LoCoMo gives no question dates).
 */
final class LocomoSource implements HaystackSource {
  private static final List<String> NAMES =
      List.of("multi-hop", "temporal", "open-domain", "single-hop", "adversarial");

  private final List<LocomoSample> samples;
  private final Predicate<Integer> chosen;
  private final int cases;
  private final int haystacks;
  private final int casesInFile;

  private LocomoSource(List<LocomoSample> samples, List<Integer> chosen, int casesInFile) {
    this.samples = samples;
    this.chosen = Selection.membership(chosen);
    this.cases = chosen.size();
    this.casesInFile = casesInFile;
    int count = 0;
    int offset = 0;
    for (LocomoSample sample : samples) {
      int end = offset + sample.questions().size();
      int start = offset;
      if (chosen.stream().anyMatch(i -> i >= start && i < end)) {
        count++;
      }
      offset = end;
    }
    this.haystacks = count;
  }

  /** Reads the whole file (LoCoMo files are small) and applies the selection. */
  static LocomoSource load(Path file, Selection selection) {
    List<LocomoSample> samples = LocomoReader.read(file);
    List<String> labels = new ArrayList<>();
    for (LocomoSample sample : samples) {
      for (LocomoQuestion question : sample.questions()) {
        labels.add(label(question.category()));
      }
    }
    return new LocomoSource(samples, selection.choose(labels), labels.size());
  }

  /** The report label of a LoCoMo category number, e.g. {@code 1 multi-hop}. */
  static String label(int category) {
    return category >= 1 && category <= NAMES.size()
        ? category + " " + NAMES.get(category - 1)
        : category + " unknown";
  }

  @Override
  public String dataset() {
    return "locomo";
  }

  @Override
  public int cases() {
    return cases;
  }

  @Override
  public int haystacks() {
    return haystacks;
  }

  @Override
  public int casesInFile() {
    return casesInFile;
  }

  @Override
  public void forEach(Consumer<Haystack> sink) {
    int position = 0;
    for (LocomoSample sample : samples) {
      List<BenchCase> picked = new ArrayList<>();
      for (int q = 0; q < sample.questions().size(); q++, position++) {
        if (chosen.test(position)) {
          picked.add(toCase(sample.sampleId(), q, sample.questions().get(q)));
        }
      }
      if (!picked.isEmpty() && !sample.sessions().isEmpty()) {
        sink.accept(new Haystack(sample.sampleId(), sample.sessions(), now(sample), picked));
      }
    }
  }

  private static Instant now(LocomoSample sample) {
    Instant last = Instant.EPOCH;
    for (var session : sample.sessions()) {
      if (session.start() != null && session.start().isAfter(last)) {
        last = session.start();
      }
    }
    return last.plusSeconds(86_400);
  }

  private static BenchCase toCase(String sampleId, int index, LocomoQuestion q) {
    boolean adversarial = q.category() == 5;
    boolean target = !adversarial && q.category() >= 1 && q.category() <= 4;
    Set<String> evidence = new LinkedHashSet<>(q.evidence());
    String answer = adversarial ? null : q.answer();
    return new BenchCase(sampleId + "#q" + index, label(q.category()), q.question(), answer,
        evidence, Set.of(), adversarial, target && !evidence.isEmpty(),
        target && answer != null && !answer.isBlank());
  }
}
