package dev.engram.server.bench;

import dev.engram.openai.testing.ChatCall;
import dev.engram.openai.testing.ChatMessage;
import dev.engram.openai.testing.FakeOpenAiServer;

/**
 * A scripted OpenAI-protocol upstream for trying the proxy by hand (the README's curl session):
 * it answers every chat with what it was sent, so you can see the memory the proxy injected.
 * Prints its base URL and runs until killed.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *     dev.engram.server.bench.ScriptedUpstream
 * </pre>
 */
public final class ScriptedUpstream {
  private ScriptedUpstream() {}

  public static void main(String[] args) throws InterruptedException {
    FakeOpenAiServer server = FakeOpenAiServer.start().replyWith(ScriptedUpstream::reply);
    System.out.println(server.baseUrl());
    System.out.flush();
    Thread.currentThread().join();
  }

  private static String reply(ChatCall call) {
    String memory = call.messages().stream().filter(m -> m.role().equals("system"))
        .map(ChatMessage::content).findFirst().orElse("");
    String[] lines = memory.split("\n");
    String firstMemory = "";
    for (String line : lines) {
      if (line.startsWith("user: ")) {
        firstMemory = line.substring(6);
        break;
      }
    }
    return firstMemory.isEmpty()
        ? "(scripted upstream) no memory was injected; you said: " + call.lastUserMessage()
        : "(scripted upstream) from memory: \"" + firstMemory + "\"";
  }
}
