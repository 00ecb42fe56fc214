package dev.engram.bench;

import dev.engram.datasets.LongMemEvalItem;
import dev.engram.datasets.LongMemEvalReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * LongMemEval as haystacks: one per question, with its own sessions; the memory's clock is the
 * question date. Categories are the question types. Abstention questions ({@code _abs}) have no
 * evidence: they are scored for abstention only, never for retrieval or answer F1.
 *
 * <p>The file is read twice, streaming: once for the question types (to select), once to hand out
 * the selected haystacks, so memory holds one haystack whatever the file size.
 */
final class LongMemEvalSource implements HaystackSource {
  private final Path file;
  private final List<Integer> chosen;
  private final Predicate<Integer> isChosen;
  private final int casesInFile;

  private LongMemEvalSource(Path file, List<Integer> chosen, int casesInFile) {
    this.file = file;
    this.chosen = chosen;
    this.isChosen = Selection.membership(chosen);
    this.casesInFile = casesInFile;
  }

  /** Scans the file's question types and applies the selection. */
  static LongMemEvalSource scan(Path file, Selection selection) {
    List<String> labels = new ArrayList<>();
    LongMemEvalReader.forEach(file, item -> labels.add(item.questionType()));
    return new LongMemEvalSource(file, selection.choose(labels), labels.size());
  }

  @Override
  public String dataset() {
    return "longmemeval";
  }

  @Override
  public int cases() {
    return chosen.size();
  }

  @Override
  public int haystacks() {
    return chosen.size();
  }

  @Override
  public int casesInFile() {
    return casesInFile;
  }

  @Override
  public void forEach(Consumer<Haystack> sink) {
    if (chosen.isEmpty()) {
      return;
    }
    int last = chosen.get(chosen.size() - 1);
    int[] position = {0};
    LongMemEvalReader.forEach(file, last + 1, item -> {
      if (isChosen.test(position[0]++) && !item.sessions().isEmpty()) {
        sink.accept(new Haystack(item.questionId(), item.sessions(), item.questionDate(),
            List.of(toCase(item))));
      }
    });
  }

  private static BenchCase toCase(LongMemEvalItem item) {
    boolean answerable = !item.abstention();
    return new BenchCase(item.questionId(), item.questionType(), item.question(), item.answer(),
        answerable ? item.evidenceTurnIds() : Set.of(),
        answerable ? item.evidenceSessionIds() : Set.of(),
        item.abstention(),
        answerable
            && !(item.evidenceTurnIds().isEmpty() && item.evidenceSessionIds().isEmpty()),
        answerable && !item.answer().isBlank());
  }
}
