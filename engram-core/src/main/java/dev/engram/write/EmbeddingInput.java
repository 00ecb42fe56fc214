package dev.engram.write;

/**
 * What the embedder sees of a segment's text.
 *
 * <p><b>At most {@link #MAX_CHARS} characters</b> (~256 tokens), cut at a space. Transformer
 * cost grows with input length, and bge cuts at 512 tokens anyway. The lexical key still holds
 * every word.
 *
 * <p><b>A longer round is embedded from its user lines first.</b> A round of more than {@link
 * RoundKey#SHORT_ROUND_CHARS} characters that has both user lines and other lines is embedded as
 * its user lines followed by the opening {@link #REPLY_CHARS} characters of the rest (the reply).
 * In chat logs the reply is most of a round's text, while later questions are mostly about what
 * the user said: 445 of the 471 evidence turns in LongMemEval_S dev are user turns. A question
 * about the body of a long reply is still found by BM25. Measured with {@code engram bench
 * longmemeval --systems engram} on all dev questions (docs/bench-notes.md, "Embedding input"):
 * against the round's first 1,024 characters, session recall_all@5 went from 0.877 to 0.902,
 * recall_all@10 from 0.838 to 0.872 and evidence in context at 3,500 tokens from 0.872 to 0.889;
 * LoCoMo, whose rounds are short, moved by three questions.
 * Short rounds and document pages are embedded as they are, up to the cap.
 *
 * <p>Stateless and thread-safe.
 */
public final class EmbeddingInput {
  /** Most characters embedded of any segment. */
  public static final int MAX_CHARS = 1024;
  /** Most characters of the reply embedded after a longer round's user lines. */
  public static final int REPLY_CHARS = 150;

  private EmbeddingInput() {}

  /**
   * The part of a segment's text that is embedded.
   *
   * @param text the segment's text (not its lexical key); not null
   * @return at most {@link #MAX_CHARS} characters: the text itself when it is short, else as the
   *     class describes
   */
  public static String of(String text) {
    if (text.length() > RoundKey.SHORT_ROUND_CHARS) {
      RoundParts parts = RoundParts.of(text);
      if (!parts.user().isEmpty() && !parts.rest().isEmpty()) {
        return TextCut.atSpace(
            parts.user() + "\n" + TextCut.atSpace(parts.rest(), REPLY_CHARS), MAX_CHARS);
      }
    }
    return head(text);
  }

  /**
   * The text's first {@link #MAX_CHARS} characters, cut at a space: what embedding a text plainly
   * sees, and what {@link #of} gives for a short round or a page.
   *
   * @param text not null
   */
  public static String head(String text) {
    return TextCut.atSpace(text, MAX_CHARS);
  }
}
