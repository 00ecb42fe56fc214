package dev.engram.langchain4j;

import dev.engram.model.Message;
import dev.engram.model.Role;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns LangChain4j chat messages into the Engram turns that long-term memory keeps. Engram turns
 * are plain text, so tool calls are written out ({@code [tool call get_weather {"city":"Oslo"}]})
 * and tool results are turns of role {@link Role#TOOL}; the exact messages are kept separately in
 * the window (see {@link WindowFile}). System messages are instructions, not memories, and are
 * kept in the window only.
 */
final class LongTermTurns {
  private LongTermTurns() {}

  /**
   * Checks that {@code message} can be stored, before anything is written.
   *
   * @throws IllegalArgumentException naming the message type or content type that cannot be kept
   */
  static void check(ChatMessage message) {
    if (message == null) {
      throw new IllegalArgumentException("messages must not contain null");
    }
    if (message instanceof UserMessage user) {
      for (Content content : user.contents()) {
        if (!(content instanceof TextContent)) {
          throw new IllegalArgumentException("unsupported content type " + content.type()
              + " in a UserMessage: EngramChatMemoryStore keeps text only");
        }
      }
    } else if (!(message instanceof SystemMessage || message instanceof AiMessage
        || message instanceof ToolExecutionResultMessage)) {
      throw new IllegalArgumentException("unsupported message type " + message.type() + " ("
          + message.getClass().getName() + "): EngramChatMemoryStore keeps SYSTEM, USER, AI and "
          + "TOOL_EXECUTION_RESULT messages");
    }
  }

  /**
   * The Engram turn for {@code message}, or null when it has no place in long-term memory (a
   * system message, or one without text).
   *
   * @throws IllegalArgumentException as {@link #check}, or if the text exceeds
   *     {@link Message#MAX_CHARS}
   */
  static Message turn(ChatMessage message) {
    check(message);
    if (message instanceof UserMessage user) {
      return turn(Role.USER, userText(user));
    }
    if (message instanceof AiMessage ai) {
      return turn(Role.ASSISTANT, aiText(ai));
    }
    if (message instanceof ToolExecutionResultMessage result) {
      return turn(Role.TOOL, "[tool result " + result.toolName() + "] " + result.text());
    }
    return null;
  }

  /** Whether {@code message} ends a round: an AI answer that calls no tool. */
  static boolean endsRound(ChatMessage message) {
    return message instanceof AiMessage ai && !ai.hasToolExecutionRequests();
  }

  private static Message turn(Role role, String text) {
    return text == null || text.isBlank() ? null : new Message(null, role, text, null);
  }

  private static String userText(UserMessage user) {
    List<String> texts = new ArrayList<>();
    for (Content content : user.contents()) {
      texts.add(((TextContent) content).text());
    }
    return String.join("\n", texts);
  }

  private static String aiText(AiMessage ai) {
    StringBuilder text = new StringBuilder(ai.text() == null ? "" : ai.text());
    for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append("[tool call ").append(call.name()).append(' ').append(call.arguments())
          .append(']');
    }
    return text.toString();
  }
}
