package dev.engram.langchain4j;

import dev.engram.Engram;
import dev.engram.model.MemoryItem;
import dev.engram.model.Message;
import dev.engram.model.Role;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.write.Segment;
import dev.engram.write.Segmenter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers finished rounds in one durable Engram write and tells, for each turn, which item holds
 * it. Engram cuts a session into rounds at each user turn; the same rule groups the turns here, so
 * each turn maps to its round's item (also when Engram skipped the round as an exact duplicate of
 * one it already holds in that session: the existing item is named then).
 */
final class RoundWriter {
  private final Engram engram;
  private final SubjectRef subject;

  RoundWriter(Engram engram, SubjectRef subject) {
    this.engram = engram;
    this.subject = subject;
  }

  /**
   * Remembers {@code turns} (null entries are not remembered) in session {@code session}.
   *
   * @return per turn, the id of the item holding its round; for a null turn, the id of the round
   *     it falls in; all null when no turn has text
   */
  List<String> remember(String session, List<Message> turns) {
    List<Message> kept = turns.stream().filter(Objects::nonNull).toList();
    List<String> ids = new ArrayList<>();
    if (kept.isEmpty()) {
      turns.forEach(t -> ids.add(null));
      return ids;
    }
    Session remembered = new Session(session, null, kept);
    engram.remember(subject.subject(), remembered);
    List<String> roundIds = roundIds(session, new Segmenter().rounds(remembered));
    int round = 0;
    boolean roundHasTurn = false;
    for (Message turn : turns) {
      if (turn != null && turn.role() == Role.USER && roundHasTurn) {
        round++;
      }
      roundHasTurn |= turn != null;
      ids.add(roundIds.get(round));
    }
    return ids;
  }

  private List<String> roundIds(String session, List<Segment> rounds) {
    long last = engram.store().lastSessionSeq(subject, session);
    Map<String, String> idByText = new HashMap<>();
    for (MemoryItem item : engram.store().sessionRange(subject, session, 0, last)) {
      idByText.put(item.text(), item.id());
    }
    List<String> ids = new ArrayList<>(rounds.size());
    for (Segment round : rounds) {
      String id = idByText.get(round.text());
      if (id == null) {
        throw new IllegalStateException("round just remembered in session " + session
            + " is not in the store");
      }
      ids.add(id);
    }
    return ids;
  }
}
