package dev.engram.openai.chat;

import dev.engram.Engram;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.openai.enrich.EnrichmentQueue;
import dev.engram.write.RememberResult;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Require;
import dev.engram.openai.ChatTurn;
import dev.engram.openai.OpenAiChatClient;
import dev.engram.openai.OpenAiException;
import dev.engram.read.Context;
import dev.engram.read.RecallRequest;
import dev.engram.reader.Answer;
import dev.engram.reader.Citation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A conversation with memory: each message recalls what the subject's memory holds for it, the
 * reply is written from that memory, and the exchange is remembered in one session.
 *
 * <p>With a chat client, the model gets the recalled items (numbered {@code [n]}) and the recent
 * exchanges of this chat, and its reply is streamed; items it cites as {@code [n]} become the
 * reply's citations (numbers that name no packed item are ignored). Without one, or when the
 * endpoint fails, a question is answered by Engram's offline reader and anything else is
 * acknowledged. The user's message is always remembered; the reply only when a model wrote it:
 * an offline reply is a quote of memory (or an acknowledgement or abstention), so remembering it
 * would only duplicate evidence and fill memory with "I don't have that in memory".
 *
 * <p>Not thread-safe: one chat is one conversation.
 */
public final class MemoryChat {
  /** The reply to a message that is not a question, offline. */
  public static final String NOTED = "Noted.";

  static final String SYSTEM = """
      You are a helpful assistant with long-term memory of this user. Below are items recalled
      from that memory for the current message, each headed "[n] date · session · #seq". Use them
      when they help, cite the ones you use as [n], and never claim to remember something the
      items do not say. Answer briefly.

      Recalled memory:
      """;
  private static final Pattern CITE = Pattern.compile("\\[(\\d{1,3})]");
  private static final Pattern QUESTION = Pattern.compile(
      "^(what|who|whom|whose|when|where|which|why|how|do|does|did|is|are|was|were|can|could|"
          + "should|would|will|have|has|had|tell me|remind me)\\b.*", Pattern.CASE_INSENSITIVE);

  private final Engram engram;
  private final String subject;
  private final String session;
  private final OpenAiChatClient client;
  private final Function<String, RecallRequest> requests;
  private final int historyExchanges;
  private final List<ChatTurn> history = new ArrayList<>();
  private int remembered;
  private EnrichmentQueue enrichment;

  /**
   * @param client the model, or null to chat offline
   * @param requests how to recall for a message, e.g. {@code RecallRequest::of}
   * @param historyExchanges how many recent exchanges of this chat the model sees, in [0, 50]
   */
  public MemoryChat(Engram engram, String subject, String session, OpenAiChatClient client,
      Function<String, RecallRequest> requests, int historyExchanges) {
    this.engram = Require.nonNull(engram, "engram");
    this.subject = Require.identifier(subject, "subject");
    this.session = Require.identifier(session, "session");
    this.client = client;
    this.requests = Require.nonNull(requests, "requests");
    this.historyExchanges = Require.inRange(historyExchanges, 0, 50, "historyExchanges");
  }

  /**
   * Replies to {@code message} and remembers the exchange.
   *
   * @param onText receives the reply as it is written: LLM deltas as they stream, or the whole
   *     offline reply at once; after an endpoint failure mid-stream, the offline reply follows
   *     the partial text
   * @throws IllegalArgumentException if {@code message} is blank
   */
  public ChatReply send(String message, Consumer<String> onText) {
    Require.nonBlank(message, "message");
    RecallRequest request = requests.apply(message.strip());
    ChatReply reply;
    if (client == null) {
      reply = offline(request, "extractive", "");
      onText.accept(reply.text());
    } else {
      reply = withModel(message.strip(), request, onText);
    }
    remember(message.strip(), reply);
    return reply;
  }

  /**
   * Hands every remembered exchange to {@code queue} (LLM fact extraction and a fresh session
   * summary, in the background): {@link #send} never waits for it.
   *
   * @return this chat
   */
  public MemoryChat enrichWith(EnrichmentQueue queue) {
    this.enrichment = Require.nonNull(queue, "queue");
    return this;
  }

  /** Exchanges (user messages) remembered so far. */
  public int remembered() {
    return remembered;
  }

  private ChatReply withModel(String message, RecallRequest request, Consumer<String> onText) {
    Context context = engram.recall(subject, request);
    List<ChatTurn> turns = new ArrayList<>();
    turns.add(ChatTurn.system(SYSTEM + (context.items().isEmpty() ? "(nothing recalled)" : context.text().strip())));
    turns.addAll(history);
    turns.add(ChatTurn.user(message));
    try {
      String text = client.stream(turns, onText).content().strip();
      return new ChatReply(text, cited(text, context), "llm", "");
    } catch (OpenAiException e) {
      ChatReply offline = offline(request, "extractive-fallback", e.getMessage());
      onText.accept(offline.text());
      return offline;
    }
  }

  private ChatReply offline(RecallRequest request, String producedBy, String note) {
    if (!isQuestion(request.query())) {
      return new ChatReply(NOTED, List.of(), producedBy, note);
    }
    Answer answer = engram.ask(subject, request);
    return new ChatReply(answer.text(), answer.citations(), producedBy, note);
  }

  private void remember(String message, ChatReply reply) {
    List<Message> exchange = new ArrayList<>();
    exchange.add(Message.user(message));
    if (reply.producedBy().equals("llm") && !reply.text().isBlank()) {
      exchange.add(Message.assistant(reply.text()));
    }
    RememberResult result = engram.remember(subject, session, exchange);
    remembered++;
    if (enrichment != null && result.added() > 0) {
      SubjectRef owner = new SubjectRef(engram.tenant(), subject);
      List<MemoryItem> added = new ArrayList<>();
      for (String id : result.addedIds()) {
        engram.store().get(owner, id).ifPresent(added::add);
      }
      enrichment.afterRemember(added, engram.store().sessionRange(owner, session, 0, Long.MAX_VALUE));
    }
    history.add(ChatTurn.user(message));
    history.add(ChatTurn.assistant(reply.text()));
    while (history.size() > 2 * historyExchanges) {
      history.remove(0);
    }
  }

  static boolean isQuestion(String message) {
    String text = message.strip();
    return text.endsWith("?") || QUESTION.matcher(text.toLowerCase(Locale.ROOT)).matches();
  }

  private static List<Citation> cited(String text, Context context) {
    List<MemoryItem> items = context.memoryItems();
    Map<String, Citation> citations = new LinkedHashMap<>();
    Matcher matcher = CITE.matcher(text);
    while (matcher.find()) {
      int position = Integer.parseInt(matcher.group(1));
      if (position >= 1 && position <= items.size()) {
        MemoryItem item = items.get(position - 1);
        citations.putIfAbsent(item.id(), new Citation(item.id(), item.session(), item.sourceIds(), firstLine(item)));
      }
    }
    return new ArrayList<>(citations.values());
  }

  /** The item's first line without its role prefix ({@code user: }), at most 160 characters. */
  private static String firstLine(MemoryItem item) {
    String line = item.text().strip().lines().findFirst().orElse("");
    int colon = line.indexOf(": ");
    if (colon > 0 && colon <= 9 && line.substring(0, colon).chars().allMatch(Character::isLetter)) {
      line = line.substring(colon + 2);
    }
    return line.length() <= 160 ? line : line.substring(0, 157) + "...";
  }
}
