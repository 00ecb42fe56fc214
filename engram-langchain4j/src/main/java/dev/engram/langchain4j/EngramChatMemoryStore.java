package dev.engram.langchain4j;

import dev.engram.Engram;
import dev.engram.langchain4j.WindowFile.Entry;
import dev.engram.langchain4j.WindowFile.Window;
import dev.engram.model.Message;
import dev.engram.model.Require;
import dev.engram.model.SubjectRef;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A LangChain4j {@link ChatMemoryStore} backed by Engram: the chat window a
 * {@code MessageWindowChatMemory} keeps survives restarts, and every finished round (a user turn,
 * any tool calls and results, and the answer) becomes long-term memory of the subject that the
 * memory id names, recallable later with {@link EngramContentRetriever}.
 *
 * <p><b>Two copies, one truth.</b> Engram's turns are plain text, so the exact window is kept
 * beside the store in {@code windowDir}: each message serialized with LangChain4j's
 * {@code ChatMessageSerializer} (system messages, tool calls and tool results round-trip exactly)
 * together with the id of the Engram item that holds it. Engram's store is the truth:
 * {@link #getMessages} drops, and deletes from the window file, every message whose item has been
 * forgotten ({@code Engram.forgetItems}, {@code forgetSession} or {@code forgetSubject}), so a
 * forgotten round never comes back through the window. {@link #forget} deletes both at once.
 * System messages are kept in the window only: they are instructions, not memories.
 *
 * <p><b>When rounds are remembered.</b> A round is remembered, in one durable Engram write, when
 * the AI answer that ends it (an {@code AiMessage} without tool calls) is added; until then its
 * messages wait in the window file (also when the window evicts them first). Rounds go to session
 * {@code chat-YYYY-MM-DD} (UTC) by default.
 *
 * <p><b>Bad input.</b> A null or blank memory id, a {@link SubjectRef} of another tenant, a null
 * message, a message type other than system, user, AI and tool result, or a user message with
 * non-text content is refused with an {@link IllegalArgumentException} naming it, before anything
 * is written.
 *
 * <p>Thread-safe within one process; one process at a time may use a window directory.
 */
public final class EngramChatMemoryStore implements ChatMemoryStore {
  private final Engram engram;
  private final WindowFile windows;
  private final Supplier<String> sessionIds;
  private final ReentrantLock lock = new ReentrantLock();

  private EngramChatMemoryStore(Builder builder) {
    this.engram = Require.nonNull(builder.engram, "engram");
    this.windows = new WindowFile(Require.nonNull(builder.windowDir, "windowDir"));
    Clock clock = builder.clock;
    this.sessionIds = builder.sessionIds != null
        ? builder.sessionIds
        : () -> "chat-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** A builder; {@code engram} and {@code windowDir} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The window's messages, exactly as last stored, minus any whose round Engram has forgotten. */
  @Override
  public List<ChatMessage> getMessages(Object memoryId) {
    SubjectRef subject = subjectOf(memoryId);
    lock.lock();
    try {
      List<ChatMessage> messages = new ArrayList<>();
      for (Entry entry : current(subject).shown()) {
        messages.add(ChatMessageDeserializer.messageFromJson(entry.message()));
      }
      return messages;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stores the window; messages new since the last call join the current round, and a round that
   * this call ends is remembered in Engram first.
   *
   * @throws IllegalArgumentException for bad input (see the class docs); nothing is written then
   */
  @Override
  public void updateMessages(Object memoryId, List<ChatMessage> messages) {
    SubjectRef subject = subjectOf(memoryId);
    Require.nonNull(messages, "messages");
    List<String> json = new ArrayList<>(messages.size());
    for (ChatMessage message : messages) {
      LongTermTurns.turn(message);
      json.add(ChatMessageSerializer.messageToJson(message));
    }
    lock.lock();
    try {
      Window next = WindowUpdate.of(current(subject), messages, json);
      windows.write(subject, rememberEndedRound(subject, next, messages));
    } finally {
      lock.unlock();
    }
  }

  /** Clears the window; what was remembered stays in long-term memory (see {@link #forget}). */
  @Override
  public void deleteMessages(Object memoryId) {
    SubjectRef subject = subjectOf(memoryId);
    lock.lock();
    try {
      windows.delete(subject);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Forgets the memory id for real: its window and its subject's whole long-term memory.
   *
   * @return how many Engram items were deleted
   */
  public int forget(Object memoryId) {
    SubjectRef subject = subjectOf(memoryId);
    lock.lock();
    try {
      windows.delete(subject);
      return engram.forgetSubject(subject.subject());
    } finally {
      lock.unlock();
    }
  }

  private SubjectRef subjectOf(Object memoryId) {
    return MemoryIds.subject(memoryId, engram.tenant());
  }

  /** The stored window without the messages whose Engram item has been forgotten. */
  private Window current(SubjectRef subject) {
    Window stored = windows.read(subject);
    Set<String> gone = new HashSet<>();
    for (Entry entry : stored.shown()) {
      if (entry.item() != null && !gone.contains(entry.item())
          && engram.store().get(subject, entry.item()).isEmpty()) {
        gone.add(entry.item());
      }
    }
    if (gone.isEmpty()) {
      return stored;
    }
    Window kept = new Window(
        stored.shown().stream().filter(e -> e.item() == null || !gone.contains(e.item())).toList(),
        stored.unremembered());
    windows.write(subject, kept);
    return kept;
  }

  private Window rememberEndedRound(SubjectRef subject, Window window, List<ChatMessage> messages) {
    List<Entry> shown = window.shown();
    if (shown.isEmpty() || !shown.get(shown.size() - 1).pending()
        || !LongTermTurns.endsRound(messages.get(messages.size() - 1))) {
      return window;
    }
    List<Entry> round = new ArrayList<>(window.unremembered());
    shown.stream().filter(Entry::pending).forEach(round::add);
    List<Message> turns = new ArrayList<>();
    for (Entry entry : round) {
      turns.add(LongTermTurns.turn(ChatMessageDeserializer.messageFromJson(entry.message())));
    }
    List<String> items = new RoundWriter(engram, subject).remember(sessionIds.get(), turns);
    List<Entry> remembered = new ArrayList<>(shown.size());
    int next = window.unremembered().size();
    for (Entry entry : shown) {
      remembered.add(
          entry.pending() ? new Entry(entry.message(), items.get(next++), false) : entry);
    }
    return new Window(remembered, List.of());
  }

  /** Configures an {@link EngramChatMemoryStore}. Not thread-safe. */
  public static final class Builder {
    private Engram engram;
    private Path windowDir;
    private Clock clock = Clock.systemUTC();
    private Supplier<String> sessionIds;

    private Builder() {}

    /** The memory the rounds go to (required); the caller keeps ownership and closes it. */
    public Builder engram(Engram value) {
      this.engram = Require.nonNull(value, "engram");
      return this;
    }

    /**
     * The directory that keeps the exact windows (required; created when needed). Keep it beside
     * the Engram data directory, not inside it.
     */
    public Builder windowDir(Path value) {
      this.windowDir = Require.nonNull(value, "windowDir");
      return this;
    }

    /** The clock that dates the default session ids {@code chat-YYYY-MM-DD}; default UTC system. */
    public Builder clock(Clock value) {
      this.clock = Require.nonNull(value, "clock");
      return this;
    }

    /** Chooses the Engram session id each round is remembered in, instead of one per UTC day. */
    public Builder sessionIds(Supplier<String> value) {
      this.sessionIds = Require.nonNull(value, "sessionIds");
      return this;
    }

    /**
     * The store.
     *
     * @throws IllegalArgumentException if {@code engram} or {@code windowDir} is missing
     */
    public EngramChatMemoryStore build() {
      return new EngramChatMemoryStore(this);
    }
  }
}
