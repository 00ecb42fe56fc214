package dev.engram.write;

import dev.engram.model.Role;
import java.util.Arrays;
import java.util.List;

/**
 * A round's text split by speaker: the user's lines and the rest (the reply, and any text before
 * the first role line), each kept in order and joined by newlines. A line that starts with a role
 * label ({@code "user: "}, {@code "assistant: "}, ...) opens a turn; the lines after it belong to
 * the same turn.
 *
 * @param user the user's lines; empty when the round has none
 * @param rest every other line; empty when there is none
 */
record RoundParts(String user, String rest) {
  private static final String USER = Role.USER.prefix();
  private static final List<String> OTHER_ROLES = Arrays.stream(Role.values())
      .filter(role -> role != Role.USER).map(Role::prefix).toList();

  static RoundParts of(String text) {
    StringBuilder user = new StringBuilder();
    StringBuilder rest = new StringBuilder();
    boolean inUser = false;
    for (String line : text.split("\n")) {
      if (line.startsWith(USER)) {
        inUser = true;
      } else if (OTHER_ROLES.stream().anyMatch(line::startsWith)) {
        inUser = false;
      }
      StringBuilder to = inUser ? user : rest;
      if (to.length() > 0) {
        to.append('\n');
      }
      to.append(line);
    }
    return new RoundParts(user.toString(), rest.toString());
  }
}
