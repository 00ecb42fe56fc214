package dev.engram.reader;

import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import java.util.List;

/**
 * The memory an answer rests on.
 *
 * @param itemId the cited item
 * @param session its session
 * @param sourceIds the caller-side ids of the turns or pages it holds
 * @param quote the sentence taken from it, verbatim
 */
public record Citation(String itemId, String session, List<String> sourceIds, String quote) {
  public Citation {
    Require.nonBlank(itemId, "itemId");
    sourceIds = List.copyOf(sourceIds);
  }

  static Citation of(MemoryItem item, String quote) {
    return new Citation(item.id(), item.session(), item.sourceIds(), quote);
  }
}
