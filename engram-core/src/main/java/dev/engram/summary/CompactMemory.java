package dev.engram.summary;

import dev.engram.audit.AuditTrail;
import dev.engram.model.ItemKind;
import dev.engram.model.Lifecycle;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.store.AuditAction;
import dev.engram.store.ItemFilter;
import dev.engram.store.MemoryStore;
import dev.engram.write.ContentHash;
import dev.engram.write.EmbeddingInput;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two-level compact memory (research.md capability 1, F1): a level-1 summary per session, rebuilt
 * whenever the session changes, and a level-2 summary per subject (a summary of the level-1
 * summaries), rebuilt once at least {@code everyTurns} episodes were added since the last one.
 * Summaries never replace episodes; they are an extra, cheaper view that recall packs first.
 *
 * <p>Summary items live in session {@value #SESSION} (reserved); a level-1 summary's
 * {@code sourceIds} is its session id; a level-2 summary's {@code sessionSeq} is the last
 * {@code subjectSeq} it covers. Their vector is one of the episodes they cover (they are found by
 * id and level, not by vector search). Callers serialise writes.
 */
public final class CompactMemory {
  /** The reserved session of summary items. */
  public static final String SESSION = "~summary";
  /** Default number of new episodes between level-2 rebuilds (research.md: N = 100). */
  public static final int DEFAULT_EVERY_TURNS = 100;
  /** Cap of a level-1 summary, in tokens. */
  public static final int LEVEL1_TOKENS = 40;
  /** Cap of a level-2 summary, in tokens. */
  public static final int LEVEL2_TOKENS = 150;
  private static final int MAX_ITEMS = 100_000;

  private final MemoryStore store;
  private final dev.engram.embed.Embedder embedder;
  private final Summarizer summarizer;
  private final AuditTrail audit;
  private final Clock clock;
  private final int everyTurns;

  public CompactMemory(MemoryStore store, dev.engram.embed.Embedder embedder,
      Summarizer summarizer, AuditTrail audit, Clock clock, int everyTurns) {
    this.store = store;
    this.embedder = embedder;
    this.summarizer = summarizer;
    this.audit = audit;
    this.clock = clock;
    this.everyTurns = everyTurns;
  }

  /**
   * A view of {@code owner}'s summaries for a run of remembers (one bulk call): how far the
   * level-2 summary reaches is read once and kept current as each {@link Refresh} is applied, so
   * later plans need no read. When a level-2 rebuild may fall due within the run, the view also
   * reads the level-1 summaries with its first plan and keeps them current, so the rebuild reads
   * nothing either. Valid while each plan is applied in order before the next is made.
   *
   * @param lastSubjectSeq the highest {@code subjectSeq} the run's episodes may take (an upper
   *     bound; a rebuild that falls due below it needs no read)
   */
  public View view(SubjectRef owner, long lastSubjectSeq) {
    return new View(owner, lastSubjectSeq);
  }

  /** See {@link #view}. Not thread-safe (one writer). */
  public final class View {
    private final SubjectRef owner;
    private final long lastSubjectSeq;
    private Long covered;
    /** The level-1 summaries by id, when read ahead for a rebuild due in the run; else null. */
    private Map<String, MemoryItem> level1;

    private View(SubjectRef owner, long lastSubjectSeq) {
      this.owner = owner;
      this.lastSubjectSeq = lastSubjectSeq;
    }

    /**
     * Plans the rebuild of the level-1 summary of {@code session} and, when due, the subject's
     * level-2 summary after a remember, reading all it needs before the remember writes: inside
     * a batching store's unit, a read after a write makes the store show its pending writes (a
     * Lucene flush), which cost a bulk import a flush per session per read.
     *
     * @param stored the episodes the remember is about to store in {@code session}, in order, not
     *     empty. The newest one's vector goes to new summaries, and its {@code subjectSeq} is the
     *     subject's last (only episodes raise it), so the subject is not counted through on every
     *     remember.
     */
    public Refresh plan(String session, List<MemoryItem> stored) {
      if (covered == null) {
        covered = subjectSummary(owner).map(MemoryItem::sessionSeq).orElse(-1L);
        if (lastSubjectSeq - covered >= everyTurns) {
          level1 = new HashMap<>();
          sessionSummaries(owner).forEach(summary -> level1.put(summary.id(), summary));
        }
      }
      // Episodes that start the session (sessionSeq 0) are all of it; else read the earlier ones.
      List<MemoryItem> episodes = new ArrayList<>(
          stored.get(0).sessionSeq() == 0 ? List.of() : episodes(owner, session));
      episodes.addAll(stored);
      return new Refresh(this, session, episodes);
    }

    /** The level-1 summaries in timeline order, as stored now. */
    private List<MemoryItem> level1() {
      return level1 == null ? sessionSummaries(owner)
          : level1.values().stream().sorted(MemoryItem.TIMELINE).toList();
    }
  }

  /** The summary writes of one remember, planned by {@link View#plan}; apply once, after it. */
  public final class Refresh {
    private final View view;
    private final String session;
    private final List<MemoryItem> episodes;

    private Refresh(View view, String session, List<MemoryItem> episodes) {
      this.view = view;
      this.session = session;
      this.episodes = episodes;
    }

    /** Writes the session's level-1 summary and, when due, the level-2 one, and audits them. */
    public void apply() {
      SubjectRef owner = view.owner;
      MemoryItem latest = episodes.get(episodes.size() - 1);
      List<String> changed = new ArrayList<>();
      rebuildSession(owner, session, episodes, latest).ifPresent(summary -> {
        changed.add(summary.id());
        if (view.level1 != null) {
          view.level1.put(summary.id(), summary);
        }
      });
      long last = latest.subjectSeq();
      if (last - view.covered >= everyTurns) {
        rebuildSubject(owner, last, latest, view.level1()).ifPresent(id -> {
          changed.add(id);
          view.covered = last;
        });
      }
      if (!changed.isEmpty()) {
        audit.record(owner, AuditAction.SUMMARY, changed, List.of(), "compact memory");
      }
    }
  }

  /**
   * The ids of the stored summaries that cover {@code sessions}: their level-1 summaries and the
   * subject's level-2 summary. A forget deletes them together with the episodes (so no old
   * summary text survives on disk) and then calls {@link #recreate}.
   */
  public List<String> covering(SubjectRef owner, Collection<String> sessions) {
    List<String> ids = new ArrayList<>();
    for (MemoryItem summary : summaries(owner)) {
      boolean level2 = Lifecycle.LEVEL_SUBJECT.equals(summary.lifecycle().attribute());
      if (level2 || sessions.stream().anyMatch(summary.sourceIds()::contains)) {
        ids.add(summary.id());
      }
    }
    return ids;
  }

  /**
   * Writes fresh summaries of {@code sessions} (and, if {@code level2}, of the subject) from the
   * episodes stored now, embedding them; sessions with no episodes left get none. Returns the ids
   * written.
   */
  public List<String> recreate(SubjectRef owner, Collection<String> sessions, boolean level2) {
    List<String> written = new ArrayList<>();
    for (String session : sessions) {
      List<MemoryItem> episodes = episodes(owner, session);
      if (!episodes.isEmpty()) {
        MemoryItem vectorSource = episodes.get(episodes.size() - 1);
        vectorSource = vectorSource.withEmbedding(
            embedder.embed(List.of(EmbeddingInput.of(vectorSource.text())))[0]);
        rebuildSession(owner, session, episodes, vectorSource)
            .ifPresent(summary -> written.add(summary.id()));
      }
    }
    if (level2) {
      long last = store.subjectStats(owner).lastSubjectSeq();
      List<MemoryItem> level1 = sessionSummaries(owner);
      if (!level1.isEmpty()) {
        MemoryItem anchor = level1.get(level1.size() - 1);
        rebuildSubject(owner, last, anchor.withEmbedding(
            embedder.embed(List.of(anchor.text()))[0]), level1).ifPresent(written::add);
      }
    }
    if (!written.isEmpty()) {
      audit.record(owner, AuditAction.SUMMARY, written, List.of(), "rebuilt after a change");
    }
    return written;
  }

  /** The subject's level-2 summary, if it has one (a lookup by id, whatever the memory's size). */
  public Optional<MemoryItem> subjectSummary(SubjectRef owner) {
    return stored(store, owner, subjectSummaryId(owner), Lifecycle.LEVEL_SUBJECT);
  }

  /**
   * The stored summary with this id, if it is a current summary of this level. Recall looks
   * summaries up by id rather than listing them, since a long-lived subject has one per session.
   *
   * @param level {@link Lifecycle#LEVEL_SESSION} or {@link Lifecycle#LEVEL_SUBJECT}
   */
  public static Optional<MemoryItem> stored(
      MemoryStore store, SubjectRef owner, String id, String level) {
    return store.get(owner, id).filter(item -> item.kind() == ItemKind.SUMMARY
        && item.lifecycle().current() && level.equals(item.lifecycle().attribute()));
  }

  /** The level-1 summaries, in timeline order. */
  public List<MemoryItem> sessionSummaries(SubjectRef owner) {
    return summaries(owner).stream()
        .filter(s -> Lifecycle.LEVEL_SESSION.equals(s.lifecycle().attribute())).toList();
  }

  /** The id of the level-1 summary of {@code session}. */
  public static String sessionSummaryId(SubjectRef owner, String session) {
    return "s1-" + ContentHash.of(18, owner.tenant(), owner.subject(), session);
  }

  /** The id of the subject's level-2 summary. */
  public static String subjectSummaryId(SubjectRef owner) {
    return "s2-" + ContentHash.of(18, owner.tenant(), owner.subject());
  }

  private List<MemoryItem> summaries(SubjectRef owner) {
    return store.items(owner, ItemFilter.allOf(ItemKind.SUMMARY), MAX_ITEMS);
  }

  /** Writes the session's level-1 summary; returns it as stored, or empty if it had no text. */
  private Optional<MemoryItem> rebuildSession(
      SubjectRef owner, String session, List<MemoryItem> episodes, MemoryItem latest) {
    String text = summarizer.summarize(episodes, LEVEL1_TOKENS);
    if (text.isBlank()) {
      return Optional.empty();
    }
    String id = sessionSummaryId(owner, session);
    MemoryItem first = episodes.get(0);
    MemoryItem summary = new MemoryItem(id, owner, SESSION, ItemKind.SUMMARY, 0,
        first.subjectSeq(), first.eventTime(), clock.instant(), text, text, List.of(session), id,
        latest.embedding(), summaryState(Lifecycle.LEVEL_SESSION));
    store.add(List.of(summary));
    return Optional.of(summary);
  }

  /** Writes the level-2 summary of {@code level1} (timeline order); returns its id if written. */
  private Optional<String> rebuildSubject(
      SubjectRef owner, long last, MemoryItem latest, List<MemoryItem> level1) {
    String text = summarizer.summarize(level1, LEVEL2_TOKENS);
    if (text.isBlank()) {
      return Optional.empty();
    }
    String id = subjectSummaryId(owner);
    store.add(List.of(new MemoryItem(id, owner, SESSION, ItemKind.SUMMARY, last, last,
        latest.eventTime(), clock.instant(), text, text, List.of(), id, latest.embedding(),
        summaryState(Lifecycle.LEVEL_SUBJECT))));
    return Optional.of(id);
  }

  private List<MemoryItem> episodes(SubjectRef owner, String session) {
    return store.sessionRange(owner, session, 0, Long.MAX_VALUE).stream()
        .filter(item -> item.kind() == ItemKind.EPISODE).toList();
  }

  private static Lifecycle summaryState(String level) {
    return new Lifecycle(dev.engram.model.Tier.HOT, false, level, null, null, null, 0, 0, null);
  }
}
