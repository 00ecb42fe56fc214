package dev.engram.openai.enrich;

import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.model.SubjectRef;
import java.util.List;

/**
 * A summary to write in the background: the items of one session (level 1) or of a whole subject
 * (level 2, {@code session} null).
 *
 * @param owner whose memory it is
 * @param session the session summarised, or null for a subject summary
 * @param items the items, chronological, non-empty
 * @param maxTokens the summary's budget, in [1, 4096]
 */
public record SummaryJob(SubjectRef owner, String session, List<MemoryItem> items, int maxTokens) {
  public SummaryJob {
    Require.nonNull(owner, "owner");
    items = List.copyOf(Require.nonNull(items, "items"));
    if (items.isEmpty()) {
      throw new IllegalArgumentException("items must not be empty");
    }
    Require.inRange(maxTokens, 1, 4096, "maxTokens");
  }

  /** How the job is named in problems and logs. */
  public String describe() {
    return session == null
        ? "summary of subject " + owner.subject()
        : "summary of session " + session + " of subject " + owner.subject();
  }
}
