package dev.engram.model;

import java.util.Locale;

/** Who spoke a turn. */
public enum Role {
  USER,
  ASSISTANT,
  SYSTEM,
  TOOL;

  /**
   * Parses a role name as written in chat logs ({@code user}, {@code assistant}, {@code system},
   * {@code tool}; case-insensitive; {@code human} and {@code ai} are accepted as aliases).
   *
   * @throws IllegalArgumentException naming the value when it is not a known role
   */
  public static Role parse(String name) {
    Require.nonBlank(name, "role");
    switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "user":
      case "human":
        return USER;
      case "assistant":
      case "ai":
      case "bot":
        return ASSISTANT;
      case "system":
        return SYSTEM;
      case "tool":
      case "function":
        return TOOL;
      default:
        throw new IllegalArgumentException(
            "role must be one of user, assistant, system, tool; was '" + name + "'");
    }
  }

  /** The lower-case name used in rendered text, e.g. {@code user}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * What opens a turn of this role in a round's rendered text, e.g. {@code "user: "}: the
   * segmenter writes it and the parts that split a round into turns look for it.
   */
  public String prefix() {
    return label() + ": ";
  }
}
