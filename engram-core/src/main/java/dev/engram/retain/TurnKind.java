package dev.engram.retain;

import dev.engram.text.Terms;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What kind of turn an episode is, for how fast its salience fades (research.md capability 4,
 * after SirLLM): small talk fades fastest, instructions to the assistant never. Judged by rules on
 * the user's words of a round ({@code user: ...} lines); text without them (document pages) is
 * {@link #ORDINARY}.
 */
public enum TurnKind {
  /** Greetings, thanks, acknowledgements: little to remember. */
  CHIT_CHAT,
  /** Everything else. */
  ORDINARY,
  /** Standing instructions ("always...", "from now on...", "remember that..."). */
  INSTRUCTION;

  // "always"/"never" only open a sentence as an imperative ("Always answer in French."); inside
  // one they are usually plain narration ("I never went to Paris").
  private static final Pattern INSTRUCTION_WORDS = Pattern.compile(
      "(^|[.!?]\\s+)(please\\s+)?(always|never)\\b|\\b(from now on|remember (that|to)"
          + "|don'?t forget|do not forget|make sure (you|to)|please (call|address) me"
          + "|in (the )?future|whenever i)\\b");
  private static final Pattern SOCIAL_WORDS = Pattern.compile(
      "\\b(hi|hello|hey|thanks|thank you|thx|ok|okay|cool|great|nice|lol|haha|bye|goodbye"
          + "|see you|good (morning|night|evening|afternoon)|how are you|sounds good)\\b");
  private static final int SHORT_WORDS = 25;
  private static final int FEW_CONTENT_TERMS = 3;

  /** The kind of {@code episodeText} (a round or a page); never null. */
  public static TurnKind of(String episodeText) {
    String user = userWords(episodeText);
    if (user == null) {
      return ORDINARY;
    }
    String lower = user.toLowerCase(Locale.ROOT);
    if (INSTRUCTION_WORDS.matcher(lower).find()) {
      return INSTRUCTION;
    }
    int words = lower.isBlank() ? 0 : lower.strip().split("\\s+").length;
    boolean social = words <= SHORT_WORDS && SOCIAL_WORDS.matcher(lower).find()
        && lower.chars().noneMatch(Character::isDigit);
    if (social || Terms.of(user).size() <= FEW_CONTENT_TERMS) {
      return CHIT_CHAT;
    }
    return ORDINARY;
  }

  /** The user's lines of a round, joined; null when it has none. */
  private static String userWords(String text) {
    StringBuilder out = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("user: ")) {
        out = out == null ? new StringBuilder() : out.append(' ');
        out.append(line, 6, line.length());
      }
    }
    return out == null ? null : out.toString();
  }
}
