package dev.engram.datasets;

import dev.engram.model.Require;
import dev.engram.model.Session;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One LongMemEval question with its own haystack of sessions.
 *
 * @param questionId the question id, e.g. {@code 7f3a9c21}; ids ending in {@code _abs} are
 *     abstention questions
 * @param questionType one of single-session-user, single-session-assistant,
 *     single-session-preference, temporal-reasoning, knowledge-update, multi-session (not checked,
 *     so other splits may add types)
 * @param question the question, non-blank
 * @param answer the gold answer as text (numbers in the JSON are written as text, e.g. {@code "3"})
 * @param questionDate when the question is asked, UTC; temporal questions are relative to it
 * @param sessions the haystack in file order (which is not always date order), ids from {@code
 *     haystack_session_ids} and start times from {@code haystack_dates}; message ids are {@code
 *     <sessionId>:<turnIndex>}, the 0-based index of the turn in the session's list
 * @param evidenceSessionIds {@code answer_session_ids}, in file order
 * @param evidenceTurnIds the message ids of the turns marked {@code has_answer: true}, in order
 * @param abstention true if the question id ends with {@code _abs}: the haystack does not hold the
 *     answer and the expected reply says so
 */
public record LongMemEvalItem(
    String questionId,
    String questionType,
    String question,
    String answer,
    Instant questionDate,
    List<Session> sessions,
    Set<String> evidenceSessionIds,
    Set<String> evidenceTurnIds,
    boolean abstention) {
  public LongMemEvalItem {
    Require.nonBlank(questionId, "questionId");
    Require.nonNull(questionType, "questionType");
    Require.nonBlank(question, "question");
    Require.nonNull(answer, "answer");
    Require.nonNull(questionDate, "questionDate");
    sessions = List.copyOf(Require.nonNull(sessions, "sessions"));
    evidenceSessionIds = orderedCopy(Require.nonNull(evidenceSessionIds, "evidenceSessionIds"));
    evidenceTurnIds = orderedCopy(Require.nonNull(evidenceTurnIds, "evidenceTurnIds"));
  }

  private static Set<String> orderedCopy(Set<String> ids) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(ids));
  }
}
