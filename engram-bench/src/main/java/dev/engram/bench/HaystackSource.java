package dev.engram.bench;

import java.util.function.Consumer;

/**
 * A dataset file as a sequence of haystacks, after the run's selection (categories, sample,
 * limit) was applied. Haystacks are handed out one at a time so a run holds one in memory.
 */
interface HaystackSource {

  /** The dataset's name in reports, e.g. {@code locomo}. */
  String dataset();

  /** Selected questions, over all haystacks. */
  int cases();

  /** Haystacks that hold at least one selected question. */
  int haystacks();

  /** Questions in the file before selection. */
  int casesInFile();

  /**
   * Passes each haystack with its selected questions to {@code sink}, in file order.
   *
   * @throws dev.engram.datasets.DatasetFormatException if the file is malformed
   */
  void forEach(Consumer<Haystack> sink);
}
