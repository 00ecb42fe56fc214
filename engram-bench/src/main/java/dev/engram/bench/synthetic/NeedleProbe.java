package dev.engram.bench.synthetic;

import dev.engram.Engram;
import dev.engram.read.Context;
import dev.engram.read.RecallRequest;
import dev.engram.reader.Answer;
import dev.engram.reader.ExtractiveReader;
import dev.engram.reader.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks one question of a memory and checks which needles came back: in the packed context (the
 * retrieval level) and in the offline extractive reader's answer (the end-to-end level). The
 * reader is run on the same context, so one recall serves both levels. Thread-safe.
 */
final class NeedleProbe {
  private static final Reader READER = new ExtractiveReader();

  private final Engram engram;
  private final String subject;
  private final int budget;

  NeedleProbe(Engram engram, String subject, int budget) {
    this.engram = engram;
    this.subject = subject;
    this.budget = budget;
  }

  /**
   * The result of one question.
   *
   * @param found per needle, in the order given, where its sentence stood
   * @param answered per needle, whether the reader's answer contains its answer
   * @param answer the reader's answer text
   * @param mode the context's mode
   * @param packedItems items in the context
   * @param tokens estimated tokens of the context
   * @param millis wall time of the recall
   */
  record Outcome(List<Sighting> found, List<Boolean> answered, String answer, String mode,
      int packedItems, int tokens, double millis) {}

  /** Recalls for {@code question} and looks for each needle. */
  Outcome ask(String question, List<Needle> needles) {
    long start = System.nanoTime();
    Context context = engram.recall(subject, RecallRequest.of(question).withBudget(budget));
    double millis = (System.nanoTime() - start) / 1e6;
    Answer answer = READER.answer(question, context);
    List<Sighting> found = new ArrayList<>();
    List<Boolean> answered = new ArrayList<>();
    for (Needle needle : needles) {
      found.add(Sighting.of(context, needle.fact()));
      answered.add(!answer.abstained() && needle.answeredBy(answer.text()));
    }
    return new Outcome(found, answered, answer.text(), context.mode().name(),
        context.items().size(), context.tokens(), millis);
  }
}
