package dev.engram.write;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code remember} call did.
 *
 * @param addedIds ids of the items stored, in timeline order (merged ones included)
 * @param skippedDuplicates segments not stored because the session already held the same text
 * @param mergedIds the stored items that the admission gate ({@link AdmissionPolicy}) kept out
 *     of the hot index as near-repeats; a subset of {@code addedIds}, usually empty
 */
public record RememberResult(List<String> addedIds, int skippedDuplicates, List<String> mergedIds) {
  public RememberResult {
    addedIds = List.copyOf(addedIds);
    mergedIds = List.copyOf(mergedIds);
  }

  /** A result with nothing merged. */
  public RememberResult(List<String> addedIds, int skippedDuplicates) {
    this(addedIds, skippedDuplicates, List.of());
  }

  /** Number of items stored. */
  public int added() {
    return addedIds.size();
  }

  /** This result with {@code count} skipped duplicates. */
  public RememberResult withSkipped(int count) {
    return new RememberResult(addedIds, count, mergedIds);
  }

  /** Combines two results (for multi-session calls). */
  public RememberResult plus(RememberResult other) {
    List<String> ids = new ArrayList<>(addedIds);
    ids.addAll(other.addedIds);
    List<String> merged = new ArrayList<>(mergedIds);
    merged.addAll(other.mergedIds);
    return new RememberResult(ids, skippedDuplicates + other.skippedDuplicates, merged);
  }
}
