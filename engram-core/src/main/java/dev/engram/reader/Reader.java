package dev.engram.reader;

import dev.engram.read.Context;

/**
 * Answers a question from a packed context, citing the items it used, or abstains.
 * Implementations are thread-safe.
 */
public interface Reader {

  /**
   * @param question the question, non-blank
   * @param context what recall packed for it; may be empty, then the reader abstains
   */
  Answer answer(String question, Context context);
}
