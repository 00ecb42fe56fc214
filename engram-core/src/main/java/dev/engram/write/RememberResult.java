package dev.engram.write;

import java.util.List;

/**
 * What a {@code remember} call did.
 *
 * @param addedIds ids of the items stored, in timeline order
 * @param skippedDuplicates segments not stored because the session already held the same text
 */
public record RememberResult(List<String> addedIds, int skippedDuplicates) {
  public RememberResult {
    addedIds = List.copyOf(addedIds);
  }

  /** Number of items stored. */
  public int added() {
    return addedIds.size();
  }

  /** Combines two results (for multi-session calls). */
  public RememberResult plus(RememberResult other) {
    List<String> ids = new java.util.ArrayList<>(addedIds);
    ids.addAll(other.addedIds);
    return new RememberResult(ids, skippedDuplicates + other.skippedDuplicates);
  }
}
