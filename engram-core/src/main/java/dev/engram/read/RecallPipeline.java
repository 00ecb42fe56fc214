package dev.engram.read;

import dev.engram.embed.Embedder;
import dev.engram.model.ItemKind;
import dev.engram.model.Lifecycle;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.read.Explanation.Fate;
import dev.engram.read.PackedItem.Reason;
import dev.engram.store.ItemFilter;
import dev.engram.store.MemoryStore;
import dev.engram.store.ScoredItem;
import dev.engram.store.SubjectStats;
import dev.engram.store.TimeRange;
import dev.engram.summary.CompactMemory;
import dev.engram.time.TimeExpressions;
import dev.engram.time.TimeHint;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read path. When the subject's whole memory fits the budget it is packed entire, in order
 * (small histories are best read whole). Otherwise: BM25 top-N and vector top-N, fused by a
 * convex combination of their normalised scores, plus a vote, weighted 0.3, for how well each
 * round's session as a whole matches ({@link SessionVote}); near-duplicates dropped; hits packed
 * best-first under the budget; budget left over filled with the rounds around the best hits;
 * then ordered edges-first or chronologically.
 *
 * <p><b>Time.</b> Time expressions in the query are read against the question's time
 * ({@link TimeExpressions}); the best three items in the range they name go first and the rest of
 * the range gets half a second vote (a boost, not a filter, so a misread date never hides the
 * evidence), "before/after I moved" is dated by the best matching fact, and temporal questions
 * are packed in time order (headers show dates). An explicit {@link RecallRequest#range()} is
 * still a hard filter.
 *
 * <p><b>Compact memory.</b> In retrieval mode, the current facts matching the query, the
 * summaries of the best hits' sessions and the subject summary are packed first, within
 * {@link RecallRequest#compactShare()} of the budget; the evidence gets the rest. When the whole
 * memory fits, the matching current facts are added: those that superseded an older value first
 * (the memory also holds the outdated statements), the others after the episodes.
 *
 * <p>Thread-safe; each call works on its own state.
 */
public final class RecallPipeline {
  /**
   * The weight of BM25 in the fusion ({@link Fusion#convex}); the vector search gets the rest.
   * Measured with {@code engram bench longmemeval|locomo --systems engram} on all questions of
   * both dev sets, with five of each retriever's hits promoted (docs/bench-notes.md, fusion): 0.3,
   * 0.5 and 0.7 gave LongMemEval recall_all@10 0.817, 0.826, 0.817 and LoCoMo 0.701, 0.710, 0.709;
   * reciprocal rank fusion, used before, 0.817 and 0.703.
   */
  static final double TEXT_WEIGHT = 0.5;

  /** How many range-restricted hits of each retriever are promoted ahead of the fused order. */
  static final int TIME_PROMOTED = 3;

  /**
   * The weight of the in-range vote against the unrestricted one. Measured on all questions of
   * both datasets ({@code engram bench longmemeval|locomo --systems engram}, warm cache) with an
   * experiment build that read the weight from a system property, with reciprocal rank fusion: a
   * full vote (1) gave LongMemEval session recall_all@5 0.830 and LoCoMo recall_all@10 0.702;
   * half a vote 0.843 and 0.703; no vote (promotion only) 0.847 and 0.698; no time boost at all
   * 0.855 and 0.688. Checked again with the normalised-score fusion: no vote, half and a full one
   * gave LongMemEval session recall_all@5 0.877 all three and LoCoMo evidence in context at 3,500
   * 0.807, 0.817 and 0.820, so the half vote stays.
   */
  static final double TIME_VOTE_WEIGHT = 0.5;
  /** Smallest compact block, in tokens, while it stays within 10% of the budget. */
  static final int COMPACT_FLOOR = 48;
  /** Most current facts considered for the compact block. */
  static final int COMPACT_FACTS = 5;
  /** Most session summaries considered for the compact block. */
  static final int COMPACT_SESSIONS = 3;

  private final MemoryStore store;
  private final Embedder embedder;
  private final Clock clock;

  /** A pipeline that reads relative times against the system clock. */
  public RecallPipeline(MemoryStore store, Embedder embedder) {
    this(store, embedder, Clock.systemUTC());
  }

  /** A pipeline that reads relative times against {@code clock} when a request has no time. */
  public RecallPipeline(MemoryStore store, Embedder embedder, Clock clock) {
    this.store = store;
    this.embedder = embedder;
    this.clock = clock;
  }

  /** Recalls and packs memory of {@code owner} for {@code request}; never null. */
  public Context recall(SubjectRef owner, RecallRequest request) {
    SubjectStats stats =
        store.subjectStats(owner, ItemFilter.evidence(TimeRange.ALL), request.budget());
    if (stats.items() == 0) {
      return render(request, Context.Mode.EMPTY, List.of(), Map.of());
    }
    TimeHint hint = hint(owner, request);
    RecallRequest ordered = hint.chronological() && request.order() == PackOrder.EDGES_FIRST
        ? request.withOrder(PackOrder.CHRONOLOGICAL) : request;
    if (request.range().isAll() && stats.tokens() <= request.budget()) {
      Context whole = wholeMemory(owner, ordered, stats);
      if (whole != null) {
        return whole;
      }
    }
    return retrieve(owner, ordered, hint);
  }

  /** What the query says about time, asked at the request's time (or the clock's now). */
  public TimeHint hint(SubjectRef owner, RecallRequest request) {
    Instant asked = request.questionTime() != null ? request.questionTime() : clock.instant();
    TimeHint hint = TimeExpressions.parse(request.query(), asked.atZone(ZoneOffset.UTC));
    if (hint.anchor().isEmpty() || !hint.range().isAll()) {
      return hint;
    }
    List<ScoredItem> facts =
        store.searchText(owner, hint.anchor(), 1, ItemFilter.allOf(ItemKind.FACT));
    if (facts.isEmpty()) {
      return hint;
    }
    Instant when = facts.get(0).item().eventTime();
    TimeRange range = hint.anchorBefore() ? new TimeRange(null, when) : new TimeRange(when, null);
    return new TimeHint(range, true, hint.expression(), hint.anchor(), hint.anchorBefore());
  }

  /** The fused candidates for a query, best first, before packing. */
  public List<Candidate> candidates(SubjectRef owner, RecallRequest request) {
    return candidates(owner, request, hint(owner, request));
  }

  private List<Candidate> candidates(SubjectRef owner, RecallRequest request, TimeHint hint) {
    float[] query = embedder.embedQuery(request.query());
    ItemFilter evidence = ItemFilter.evidence(request.range());
    List<ScoredItem> text =
        store.searchText(owner, request.query(), request.candidates(), evidence);
    List<ScoredItem> vector = store.searchVector(owner, query, request.candidates(), evidence);
    List<Candidate> fused = SessionVote.apply(Fusion.convex(text, vector, TEXT_WEIGHT));
    TimeRange within = intersect(request.range(), hint.range());
    if (hint.range().isAll() || within == null) {
      return fused;
    }
    ItemFilter inRange = ItemFilter.evidence(within);
    List<ScoredItem> rangeText =
        store.searchText(owner, request.query(), request.candidates(), inRange);
    List<ScoredItem> rangeVector =
        store.searchVector(owner, query, request.candidates(), inRange);
    return Fusion.boost(fused, Fusion.convex(rangeText, rangeVector, TEXT_WEIGHT),
        TIME_VOTE_WEIGHT, TIME_PROMOTED);
  }

  private Context retrieve(SubjectRef owner, RecallRequest request, TimeHint hint) {
    List<Candidate> candidates = candidates(owner, request, hint);
    if (candidates.isEmpty()) {
      return render(request, Context.Mode.EMPTY, List.of(), Map.of());
    }
    List<PackedItem> compact = compact(owner, request, candidates);
    int compactTokens = compact.stream().mapToInt(PackedItem::tokens).sum();
    Packer packer = new Packer(request.budget() - compactTokens,
        new TurnCompactor(request.query(), request.compactAbove(), request.budget()));
    packer.packHits(candidates);
    if (request.neighbours()) {
      packer.packNeighbours(hit -> neighbours(owner, hit));
    }
    List<PackedItem> ordered = new ArrayList<>(compact);
    ordered.addAll(Ordering.apply(packer.packed(), request.order()));
    Map<String, Explanation> explanations = new HashMap<>(packer.explanations());
    for (PackedItem item : compact) {
      explanations.put(item.item().id(), new Explanation(item.item().id(), null,
          Explanation.Fate.PACKED_AS_COMPACT, item.item().id() + ": packed first as a "
              + item.reason().name().toLowerCase(java.util.Locale.ROOT) + " (" + item.tokens()
              + " tokens)"));
    }
    return render(request, Context.Mode.RETRIEVAL, ordered, explanations);
  }

  /**
   * The current facts matching the query, the summaries of the best hits' sessions and the
   * subject summary, in that order, within the compact share of the budget.
   */
  private List<PackedItem> compact(
      SubjectRef owner, RecallRequest request, List<Candidate> candidates) {
    List<PackedItem> packed = new ArrayList<>();
    if (request.compactShare() <= 0) {
      return packed;
    }
    int share = compactTokens(request);
    // Chosen in order of use to a reader: current facts, the best hits' session summaries, then
    // the subject summary; whatever fits the share goes first in the context.
    List<MemoryItem> wanted = new ArrayList<>(currentFacts(owner, request));
    Set<String> sessions = new LinkedHashSet<>();
    for (Candidate candidate : candidates) {
      if (sessions.size() < COMPACT_SESSIONS && candidate.item().session() != null) {
        sessions.add(candidate.item().session());
      }
    }
    // Looked up by id: listing a long-lived subject's summaries (one per session) would cost
    // every recall time that grows with the memory.
    for (String session : sessions) {
      CompactMemory.stored(store, owner, CompactMemory.sessionSummaryId(owner, session),
          Lifecycle.LEVEL_SESSION).ifPresent(wanted::add);
    }
    CompactMemory.stored(store, owner, CompactMemory.subjectSummaryId(owner),
        Lifecycle.LEVEL_SUBJECT).ifPresent(wanted::add);
    int used = 0;
    for (MemoryItem item : wanted) {
      int cost = ContextRenderer.cost(item);
      if (used + cost <= share) {
        packed.add(new PackedItem(item, item.kind() == ItemKind.FACT
            ? PackedItem.Reason.FACT : PackedItem.Reason.SUMMARY, 0, cost));
        used += cost;
      }
    }
    return packed;
  }

  /**
   * Tokens for the compact block: the request's share of the budget, but at least room for a fact
   * or two ({@value #COMPACT_FLOOR} tokens) as long as that stays within 10% of the budget.
   */
  static int compactTokens(RecallRequest request) {
    int share = (int) Math.floor(request.budget() * request.compactShare());
    return Math.max(share, Math.min(COMPACT_FLOOR, request.budget() / 10));
  }

  private List<MemoryItem> currentFacts(SubjectRef owner, RecallRequest request) {
    return store.searchText(owner, request.query(), COMPACT_FACTS,
        ItemFilter.current(ItemKind.FACT)).stream().map(ScoredItem::item).toList();
  }

  private static TimeRange intersect(TimeRange a, TimeRange b) {
    Instant from = a.from() == null ? b.from()
        : b.from() == null || a.from().isAfter(b.from()) ? a.from() : b.from();
    Instant to = a.to() == null ? b.to()
        : b.to() == null || a.to().isBefore(b.to()) ? a.to() : b.to();
    return from != null && to != null && !from.isBefore(to) ? null : new TimeRange(from, to);
  }

  private List<MemoryItem> neighbours(SubjectRef owner, MemoryItem hit) {
    List<MemoryItem> around = store.sessionRange(
        owner, hit.session(), Math.max(0, hit.sessionSeq() - 1), hit.sessionSeq() + 1);
    List<MemoryItem> out = new ArrayList<>();
    for (MemoryItem item : around) {
      if (!item.id().equals(hit.id())) {
        out.add(item);
      }
    }
    return out;
  }

  private Context wholeMemory(SubjectRef owner, RecallRequest request, SubjectStats stats) {
    List<MemoryItem> all = store.items(owner, ItemFilter.evidence(TimeRange.ALL),
        (int) Math.min(stats.items(), 100_000));
    List<PackedItem> packed = new ArrayList<>();
    Map<String, Explanation> explanations = new HashMap<>();
    int used = 0;
    for (MemoryItem item : all) {
      int cost = ContextRenderer.cost(item);
      used += cost;
      packed.add(new PackedItem(item, Reason.WHOLE_MEMORY, 0, cost));
      explanations.put(item.id(), new Explanation(item.id(), null, Fate.PACKED_WHOLE_MEMORY,
          item.id() + ": packed because the whole memory fits the budget"));
    }
    // Headers cost tokens too; if they tip the total over the budget, fall back to retrieval.
    if (used > request.budget()) {
      return null;
    }
    // The current values the query asks about are added too. A value that superseded an older
    // one goes first, so a reader meets the current value before the outdated statements the
    // whole memory also holds; the others close the context, so episodes keep their positions.
    Set<String> changed = new java.util.HashSet<>();
    for (MemoryItem old : store.items(owner, ItemFilter.allOf(ItemKind.FACT), 100_000)) {
      if (!old.lifecycle().current()) {
        changed.add(old.lifecycle().attribute());
      }
    }
    List<PackedItem> first = new ArrayList<>();
    List<PackedItem> facts = new ArrayList<>();
    int share = request.compactShare() <= 0 ? 0
        : Math.min(request.budget() - used, compactTokens(request));
    for (MemoryItem fact : currentFacts(owner, request)) {
      int cost = ContextRenderer.cost(fact);
      if (cost <= share) {
        (changed.contains(fact.lifecycle().attribute()) ? first : facts)
            .add(new PackedItem(fact, Reason.FACT, 0, cost));
        explanations.put(fact.id(), new Explanation(fact.id(), null,
            Explanation.Fate.PACKED_AS_COMPACT,
            fact.id() + ": a current fact, packed with the whole memory"));
        share -= cost;
      }
    }
    List<PackedItem> ordered = new ArrayList<>(first);
    ordered.addAll(packed);
    ordered.addAll(facts);
    return render(request, Context.Mode.WHOLE_MEMORY, ordered, explanations);
  }

  private static Context render(RecallRequest request, Context.Mode mode, List<PackedItem> items,
      Map<String, Explanation> explanations) {
    StringBuilder text = new StringBuilder();
    int tokens = 0;
    for (int i = 0; i < items.size(); i++) {
      text.append(ContextRenderer.block(i + 1, items.get(i).item()));
      tokens += items.get(i).tokens();
    }
    return new Context(request.query(), mode, items, text.toString().stripTrailing(), tokens,
        request.budget(), explanations);
  }
}
