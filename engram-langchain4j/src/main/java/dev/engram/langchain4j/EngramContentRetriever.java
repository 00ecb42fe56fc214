package dev.engram.langchain4j;

import dev.engram.Engram;
import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.model.SubjectRef;
import dev.engram.read.Candidate;
import dev.engram.read.Context;
import dev.engram.read.Explanation;
import dev.engram.read.PackOrder;
import dev.engram.read.PackedItem;
import dev.engram.read.RecallRequest;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A LangChain4j {@link ContentRetriever} that recalls from Engram: for each query it packs the
 * subject's memory under a token budget ({@link Engram#recall(String, RecallRequest)}) and returns
 * one {@link Content} per packed item, in context order (edges-first by default).
 *
 * <p>Each content's text segment carries the metadata {@value #ITEM_ID} (the memory item id),
 * {@value #KIND} ({@code EPISODE} for a remembered round or document page, or a derived
 * {@code SUMMARY} or {@code FACT}), {@value #SESSION}, {@value #TIME} (ISO-8601 event time),
 * {@value #SEQUENCE} (order in the session), {@value #REASON} ({@code HIT}, {@code NEIGHBOUR} or
 * {@code WHOLE_MEMORY}) and {@value #SCORE}; the content's {@link ContentMetadata#SCORE} is the
 * fused retrieval score (0 for items packed as neighbours or because the whole memory fit) and its
 * {@link ContentMetadata#EMBEDDING_ID} is the item id.
 *
 * <p>The subject is fixed at build time, or, when none is given, taken from the query's chat
 * memory id (so one retriever serves every user of an AI service with a
 * {@code ChatMemoryProvider}). Thread-safe.
 */
public final class EngramContentRetriever implements ContentRetriever {
  /** Metadata key of the memory item id. */
  public static final String ITEM_ID = "engram_item_id";
  /** Metadata key of the item's kind: EPISODE, SUMMARY, FACT or NOTE. */
  public static final String KIND = "engram_kind";
  /** Metadata key of the item's session (conversation or document) id. */
  public static final String SESSION = "engram_session";
  /** Metadata key of the item's event time, ISO-8601. */
  public static final String TIME = "engram_time";
  /** Metadata key of the item's 0-based order within its session. */
  public static final String SEQUENCE = "engram_session_seq";
  /** Metadata key of why the item was packed. */
  public static final String REASON = "engram_reason";
  /** Metadata key of the fused retrieval score. */
  public static final String SCORE = "engram_score";

  private static final int MAX_QUERY_CHARS = 10_000;

  private final Engram engram;
  private final Object memoryId;
  private final int budget;
  private final PackOrder order;

  private EngramContentRetriever(Builder builder) {
    this.engram = Require.nonNull(builder.engram, "engram");
    this.memoryId = builder.memoryId;
    this.budget = builder.budget;
    this.order = builder.order;
    if (memoryId != null) {
      MemoryIds.subject(memoryId, engram.tenant());
    }
  }

  /**
   * A builder; defaults: no fixed memory id, budget {@value RecallRequest#DEFAULT_BUDGET},
   * edges-first order.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Recalls for the query's text (its first 10,000 characters, the most a recall query takes).
   *
   * @return the packed items as contents, in context order; empty when the subject has no memory
   * @throws IllegalArgumentException if no memory id was fixed and the query carries none, or the
   *     memory id is blank or belongs to another tenant
   */
  @Override
  public List<Content> retrieve(Query query) {
    Require.nonNull(query, "query");
    SubjectRef subject = MemoryIds.subject(memoryIdOf(query), engram.tenant());
    Context context = engram.recall(subject.subject(),
        RecallRequest.of(truncate(query.text())).withBudget(budget).withOrder(order));
    List<Content> contents = new ArrayList<>(context.items().size());
    for (PackedItem packed : context.items()) {
      contents.add(content(packed, score(context, packed)));
    }
    return contents;
  }

  private Object memoryIdOf(Query query) {
    if (memoryId != null) {
      return memoryId;
    }
    if (query.metadata() == null || query.metadata().chatMemoryId() == null) {
      throw new IllegalArgumentException("memoryId must not be null: the retriever has no fixed "
          + "memory id and the query carries no chat memory id");
    }
    return query.metadata().chatMemoryId();
  }

  private static String truncate(String text) {
    return text.length() <= MAX_QUERY_CHARS ? text : text.substring(0, MAX_QUERY_CHARS);
  }

  private static double score(Context context, PackedItem packed) {
    Explanation explanation = context.explain(packed.item().id());
    Candidate candidate = explanation.candidate();
    return candidate == null ? 0.0 : candidate.fusedScore();
  }

  private static Content content(PackedItem packed, double score) {
    MemoryItem item = packed.item();
    Metadata metadata = new Metadata()
        .put(ITEM_ID, item.id())
        .put(KIND, item.kind().name())
        .put(SESSION, item.session())
        .put(TIME, item.eventTime().toString())
        .put(SEQUENCE, item.sessionSeq())
        .put(REASON, packed.reason().name())
        .put(SCORE, score);
    return Content.from(TextSegment.from(item.text(), metadata),
        Map.of(ContentMetadata.SCORE, score, ContentMetadata.EMBEDDING_ID, item.id()));
  }

  /** Configures an {@link EngramContentRetriever}. Not thread-safe. */
  public static final class Builder {
    private Engram engram;
    private Object memoryId;
    private int budget = RecallRequest.DEFAULT_BUDGET;
    private PackOrder order = PackOrder.EDGES_FIRST;

    private Builder() {}

    /** The memory to recall from (required); the caller keeps ownership and closes it. */
    public Builder engram(Engram value) {
      this.engram = Require.nonNull(value, "engram");
      return this;
    }

    /**
     * The memory id whose subject is recalled for every query; when not set, each query's chat
     * memory id is used.
     */
    public Builder memoryId(Object value) {
      this.memoryId = Require.nonNull(value, "memoryId");
      return this;
    }

    /** The token budget of each recall, in [50, 1,000,000]. */
    public Builder budget(int tokens) {
      this.budget = Require.inRange(tokens, 50, 1_000_000, "budget");
      return this;
    }

    /** The order of the packed items. */
    public Builder order(PackOrder value) {
      this.order = Require.nonNull(value, "order");
      return this;
    }

    /**
     * The retriever.
     *
     * @throws IllegalArgumentException if no Engram was given or the memory id is unusable
     */
    public EngramContentRetriever build() {
      return new EngramContentRetriever(this);
    }
  }
}
