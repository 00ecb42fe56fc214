package dev.engram.write;

/** Cuts text to a length limit at a word boundary. Stateless and thread-safe. */
final class TextCut {
  private TextCut() {}

  /**
   * At most {@code max} characters of {@code text}: cut at the last space when there is one in
   * the second half, else at {@code max}, never inside a surrogate pair.
   *
   * @param max at least 2
   */
  static String atSpace(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int at = text.lastIndexOf(' ', max);
    if (at <= max / 2) {
      at = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    }
    return text.substring(0, at);
  }
}
