package dev.engram.reader;

import dev.engram.model.Require;
import java.util.List;

/**
 * A reader's answer.
 *
 * @param text the answer; when abstaining, a short "not in memory" sentence
 * @param abstained true when memory holds no good enough support
 * @param confidence the reader's score of its best support, in [0, 1]
 * @param citations the items the answer rests on, best first; empty when abstaining
 * @param producedBy which reader made it, e.g. {@code extractive}
 */
public record Answer(
    String text, boolean abstained, double confidence, List<Citation> citations,
    String producedBy) {
  /** The text of an abstention. */
  public static final String NOT_IN_MEMORY = "I don't have that in memory.";

  public Answer {
    Require.nonNull(text, "text");
    citations = List.copyOf(citations);
    Require.nonBlank(producedBy, "producedBy");
  }

  /** An abstention by {@code reader}, with the confidence of the best (rejected) support. */
  public static Answer abstain(String reader, double confidence) {
    return new Answer(NOT_IN_MEMORY, true, confidence, List.of(), reader);
  }
}
