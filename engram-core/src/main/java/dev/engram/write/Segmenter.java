package dev.engram.write;

import dev.engram.model.Document;
import dev.engram.model.Message;
import dev.engram.model.Require;
import dev.engram.model.Role;
import dev.engram.model.Session;
import dev.engram.text.SentenceSplitter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts sessions into rounds and documents into overlapping pages. Rounds are the unit LongMemEval
 * found best for conversations (finer than sessions, coarser than turns); pages keep documents in
 * contiguous, ordered pieces that end at sentence boundaries. Stateless and thread-safe.
 */
public final class Segmenter {
  /** Default page size, in characters (~300 tokens). */
  public static final int DEFAULT_PAGE_CHARS = 1200;
  /** Default overlap carried from one page into the next, in characters (~10%). */
  public static final int DEFAULT_OVERLAP_CHARS = 150;

  private final int pageChars;
  private final int overlapChars;

  /** A segmenter with the default page size and overlap. */
  public Segmenter() {
    this(DEFAULT_PAGE_CHARS, DEFAULT_OVERLAP_CHARS);
  }

  /**
   * @param pageChars target page size in characters, in [200, 100000]
   * @param overlapChars characters of the previous page repeated at the start of the next, in
   *     [0, pageChars / 2]
   */
  public Segmenter(int pageChars, int overlapChars) {
    this.pageChars = Require.inRange(pageChars, 200, 100_000, "pageChars");
    this.overlapChars = Require.inRange(overlapChars, 0, pageChars / 2, "overlapChars");
  }

  /**
   * The rounds of a session: each user turn with the replies that follow it up to the next user
   * turn; turns before the first user turn form a round of their own.
   */
  public List<Segment> rounds(Session session) {
    List<Segment> rounds = new ArrayList<>();
    List<Message> current = new ArrayList<>();
    for (Message message : session.messages()) {
      if (message.role() == Role.USER && !current.isEmpty()) {
        rounds.add(round(current, session.start()));
        current = new ArrayList<>();
      }
      current.add(message);
    }
    rounds.add(round(current, session.start()));
    return rounds;
  }

  private static Segment round(List<Message> turns, Instant sessionStart) {
    StringBuilder text = new StringBuilder();
    List<String> ids = new ArrayList<>();
    Instant time = null;
    for (Message turn : turns) {
      if (text.length() > 0) {
        text.append('\n');
      }
      text.append(turn.role().prefix()).append(turn.content().strip());
      if (turn.id() != null) {
        ids.add(turn.id());
      }
      if (time == null) {
        time = turn.time();
      }
    }
    return new Segment(text.toString(), time != null ? time : sessionStart, ids);
  }

  /**
   * The pages of a document: runs of consecutive sentences up to about {@code pageChars}, each page
   * after the first starting with the last sentences of the previous one (up to
   * {@code overlapChars}). A page is a verbatim slice of the document (line breaks and all). A
   * single sentence longer than a page is cut at a word boundary. Page source ids are
   * {@code <documentId>#p<n>}.
   */
  public List<Segment> pages(Document document) {
    String text = document.text();
    List<SentenceSplitter.Span> spans = new ArrayList<>();
    for (SentenceSplitter.Span span : SentenceSplitter.spans(text)) {
      spans.addAll(cut(text, span));
    }
    List<Segment> pages = new ArrayList<>();
    int first = 0;
    int fresh = 0;
    for (int i = 0; i < spans.size(); i++) {
      if (fresh > 0 && spans.get(i).end() - spans.get(first).start() > pageChars) {
        pages.add(page(document, spans.get(first).start(), spans.get(i - 1).end(), pages.size()));
        first = overlapStart(spans, first, i);
        fresh = 0;
      }
      fresh++;
    }
    if (fresh > 0) {
      pages.add(page(document, spans.get(first).start(), spans.get(spans.size() - 1).end(),
          pages.size()));
    }
    return pages;
  }

  /** The first span of the next page: the tail of the page ending before {@code next}. */
  private int overlapStart(List<SentenceSplitter.Span> spans, int first, int next) {
    int start = next;
    while (start - 1 > first && spans.get(next - 1).end() - spans.get(start - 1).start() <= overlapChars) {
      start--;
    }
    return start;
  }

  private List<SentenceSplitter.Span> cut(String text, SentenceSplitter.Span span) {
    List<SentenceSplitter.Span> pieces = new ArrayList<>();
    int start = span.start();
    while (span.end() - start > pageChars) {
      int at = text.lastIndexOf(' ', start + pageChars);
      if (at <= start) {
        at = start + pageChars;
      }
      pieces.add(new SentenceSplitter.Span(start, at));
      start = at;
      while (start < span.end() && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
    }
    if (start < span.end()) {
      pieces.add(new SentenceSplitter.Span(start, span.end()));
    }
    return pieces;
  }

  private static Segment page(Document document, int start, int end, int index) {
    return new Segment(document.text().substring(start, end), document.time(),
        List.of(document.id() + "#p" + (index + 1)));
  }

}
