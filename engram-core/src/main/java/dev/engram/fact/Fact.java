package dev.engram.fact;

import dev.engram.model.Require;
import java.time.Instant;

/**
 * One thing a subject stated about themselves or their world, as extracted from one episode:
 * {@code attribute} is a normalised key ("home city", "dog name", "preferred editor"),
 * {@code value} the stated value, {@code validFrom} when it became true (the episode's event
 * time unless the text says otherwise), {@code sourceItemId} the episode it came from and
 * {@code evidence} the verbatim sentence that states it.
 *
 * <p>Supersession (a newer fact on the same attribute closing the older one) is decided by the
 * memory, not by the extractor, so an extractor never needs to see earlier facts.
 */
public record Fact(
    String attribute, String value, Instant validFrom, String sourceItemId, String evidence) {

  public Fact {
    Require.nonBlank(attribute, "attribute");
    Require.nonBlank(value, "value");
    Require.nonNull(validFrom, "validFrom");
    Require.nonBlank(sourceItemId, "sourceItemId");
    Require.nonBlank(evidence, "evidence");
  }
}
