package dev.engram.openai;

import dev.engram.model.Require;
import java.util.Set;

/**
 * One message sent to a chat model.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param content the text, non-null (may be empty)
 */
public record ChatTurn(String role, String content) {
  private static final Set<String> ROLES = Set.of("system", "user", "assistant");

  public ChatTurn {
    Require.nonNull(role, "role");
    if (!ROLES.contains(role)) {
      throw new IllegalArgumentException("role must be one of " + ROLES + ", was '" + role + "'");
    }
    Require.nonNull(content, "content");
  }

  public static ChatTurn system(String content) {
    return new ChatTurn("system", content);
  }

  public static ChatTurn user(String content) {
    return new ChatTurn("user", content);
  }

  public static ChatTurn assistant(String content) {
    return new ChatTurn("assistant", content);
  }
}
