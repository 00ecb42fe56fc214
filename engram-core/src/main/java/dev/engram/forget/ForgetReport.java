package dev.engram.forget;

import java.util.List;

/**
 * What a forget did, or would do in a dry run.
 *
 * @param dryRun true when nothing was changed
 * @param episodeIds the episodes and notes forgotten (or that would be)
 * @param factIds the facts derived from them, deleted with them
 * @param summaryIds the summaries rebuilt because they covered forgotten episodes
 * @param previews for a dry run, the first 80 characters of each episode, so a user can check
 *     before deleting; empty otherwise (the text is never kept after a forget)
 */
public record ForgetReport(boolean dryRun, List<String> episodeIds, List<String> factIds,
    List<String> summaryIds, List<String> previews) {
  public ForgetReport {
    episodeIds = List.copyOf(episodeIds);
    factIds = List.copyOf(factIds);
    summaryIds = List.copyOf(summaryIds);
    previews = List.copyOf(previews);
  }

  /** Whether the selector matched nothing (and nothing changed). */
  public boolean nothing() {
    return episodeIds.isEmpty() && factIds.isEmpty();
  }

  /** Items deleted (or that would be): episodes plus facts. */
  public int forgotten() {
    return episodeIds.size() + factIds.size();
  }
}
