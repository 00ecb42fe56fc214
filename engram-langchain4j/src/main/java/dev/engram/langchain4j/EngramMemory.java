package dev.engram.langchain4j;

import dev.engram.Engram;
import dev.engram.model.Require;
import dev.engram.read.RecallRequest;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.RetrievalAugmentor;
import dev.langchain4j.service.AiServices;
import java.nio.file.Path;

/**
 * Engram wired for one memory id in one call: a {@link MessageWindowChatMemory} persisted by an
 * {@link EngramChatMemoryStore} (what is said becomes long-term memory) and a
 * {@link DefaultRetrievalAugmentor} over an {@link EngramContentRetriever} (each question recalls
 * from that memory under a budget).
 *
 * <pre>{@code
 * EngramMemory memory = EngramMemory.builder()
 *     .engram(engram).memoryId("alice").windowDir(dir).build();
 * Assistant assistant = memory.configure(AiServices.builder(Assistant.class))
 *     .chatModel(model).build();
 * }</pre>
 *
 * <p>Thread-safe as its parts are; the caller owns and closes the {@link Engram}.
 */
public final class EngramMemory {
  private final EngramChatMemoryStore store;
  private final ChatMemory chatMemory;
  private final EngramContentRetriever retriever;
  private final RetrievalAugmentor augmentor;

  private EngramMemory(Builder builder) {
    Require.nonNull(builder.engram, "engram");
    MemoryIds.subject(builder.memoryId, builder.engram.tenant());
    this.store = EngramChatMemoryStore.builder()
        .engram(builder.engram).windowDir(Require.nonNull(builder.windowDir, "windowDir")).build();
    this.chatMemory = MessageWindowChatMemory.builder()
        .id(builder.memoryId).maxMessages(builder.maxMessages).chatMemoryStore(store).build();
    this.retriever = EngramContentRetriever.builder()
        .engram(builder.engram).memoryId(builder.memoryId).budget(builder.budget).build();
    this.augmentor = DefaultRetrievalAugmentor.builder().contentRetriever(retriever).build();
  }

  /** A builder; defaults: a window of 20 messages, a recall budget of 3,500 tokens. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sets the chat memory and the retrieval augmentor of an AI service, and keeps recalled content
   * out of the chat memory (so recalled memory is not remembered again as if the user said it).
   */
  public <T> AiServices<T> configure(AiServices<T> services) {
    return Require.nonNull(services, "services")
        .chatMemory(chatMemory)
        .retrievalAugmentor(augmentor)
        .storeRetrievedContentInChatMemory(false);
  }

  /** The chat window, persisted in Engram. */
  public ChatMemory chatMemory() {
    return chatMemory;
  }

  /** The store behind {@link #chatMemory()}; its {@code forget} deletes for real. */
  public EngramChatMemoryStore chatMemoryStore() {
    return store;
  }

  /** The retriever recalling this memory id's subject. */
  public EngramContentRetriever contentRetriever() {
    return retriever;
  }

  /** A default retrieval augmentor over {@link #contentRetriever()}. */
  public RetrievalAugmentor retrievalAugmentor() {
    return augmentor;
  }

  /** Configures an {@link EngramMemory}. Not thread-safe. */
  public static final class Builder {
    private Engram engram;
    private Object memoryId;
    private Path windowDir;
    private int maxMessages = 20;
    private int budget = RecallRequest.DEFAULT_BUDGET;

    private Builder() {}

    /** The memory (required); the caller keeps ownership and closes it. */
    public Builder engram(Engram value) {
      this.engram = Require.nonNull(value, "engram");
      return this;
    }

    /** Whose memory (required): a subject name, or a {@code SubjectRef} of the Engram's tenant. */
    public Builder memoryId(Object value) {
      this.memoryId = value;
      return this;
    }

    /** Where the exact chat windows are kept (required); see {@link EngramChatMemoryStore}. */
    public Builder windowDir(Path value) {
      this.windowDir = Require.nonNull(value, "windowDir");
      return this;
    }

    /** How many messages the chat window holds, in [1, 10,000]. */
    public Builder maxMessages(int value) {
      this.maxMessages = Require.inRange(value, 1, 10_000, "maxMessages");
      return this;
    }

    /** The token budget of each recall, in [50, 1,000,000]. */
    public Builder budget(int tokens) {
      this.budget = Require.inRange(tokens, 50, 1_000_000, "budget");
      return this;
    }

    /**
     * Wires the parts.
     *
     * @throws IllegalArgumentException if a required part is missing or the memory id is null,
     *     blank or of another tenant
     */
    public EngramMemory build() {
      return new EngramMemory(this);
    }
  }
}
