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
      text.append(turn.role().label()).append(": ").append(turn.content().strip());
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
   * The pages of a document: consecutive sentences up to about {@code pageChars}, each page after
   * the first starting with the last sentences of the previous one (up to {@code overlapChars}).
   * A single sentence longer than a page is cut at a word boundary. Page source ids are
   * {@code <documentId>#p<n>}.
   */
  public List<Segment> pages(Document document) {
    List<String> sentences = new ArrayList<>();
    for (String sentence : SentenceSplitter.sentences(document.text())) {
      sentences.addAll(cut(sentence));
    }
    List<Segment> pages = new ArrayList<>();
    List<String> page = new ArrayList<>();
    int length = 0;
    int fresh = 0;
    for (String sentence : sentences) {
      if (fresh > 0 && length + sentence.length() + 1 > pageChars) {
        pages.add(page(document, page, pages.size()));
        page = overlap(page);
        length = joinedLength(page);
        fresh = 0;
      }
      page.add(sentence);
      length += sentence.length() + 1;
      fresh++;
    }
    if (fresh > 0) {
      pages.add(page(document, page, pages.size()));
    }
    return pages;
  }

  private List<String> overlap(List<String> page) {
    List<String> tail = new ArrayList<>();
    int length = 0;
    for (int i = page.size() - 1; i >= 0; i--) {
      length += page.get(i).length() + 1;
      if (length > overlapChars) {
        break;
      }
      tail.add(0, page.get(i));
    }
    return tail;
  }

  private List<String> cut(String sentence) {
    List<String> pieces = new ArrayList<>();
    String rest = sentence;
    while (rest.length() > pageChars) {
      int at = rest.lastIndexOf(' ', pageChars);
      if (at <= 0) {
        at = pageChars;
      }
      pieces.add(rest.substring(0, at).strip());
      rest = rest.substring(at).strip();
    }
    if (!rest.isEmpty()) {
      pieces.add(rest);
    }
    return pieces;
  }

  private static int joinedLength(List<String> sentences) {
    int length = 0;
    for (String sentence : sentences) {
      length += sentence.length() + 1;
    }
    return length;
  }

  private static Segment page(Document document, List<String> sentences, int index) {
    return new Segment(
        String.join(" ", sentences), document.time(), List.of(document.id() + "#p" + (index + 1)));
  }
}
