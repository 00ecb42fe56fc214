package dev.engram.bench;

import dev.engram.model.Require;
import dev.engram.model.Session;
import java.time.Instant;
import java.util.List;

/**
 * One memory to build and question: the sessions a subject lived through, in order, and the
 * questions asked of that memory.
 *
 * @param subject the subject id the sessions are remembered under, e.g. {@code conv-26}
 * @param sessions the sessions in ingest order, at least one
 * @param now the instant the memory is built and questioned at (Engram's clock): the question
 *     date when the dataset has one, so runs are reproducible
 * @param cases the questions, at least one
 */
public record Haystack(String subject, List<Session> sessions, Instant now, List<BenchCase> cases) {
  public Haystack {
    Require.identifier(subject, "subject");
    sessions = List.copyOf(Require.nonNull(sessions, "sessions"));
    Require.nonNull(now, "now");
    cases = List.copyOf(Require.nonNull(cases, "cases"));
    if (sessions.isEmpty() || cases.isEmpty()) {
      throw new IllegalArgumentException(
          "haystack " + subject + " needs at least one session and one case");
    }
  }
}
