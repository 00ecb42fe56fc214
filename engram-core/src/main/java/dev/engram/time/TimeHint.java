package dev.engram.time;

import dev.engram.model.Require;
import dev.engram.store.TimeRange;

/**
 * What a query says about time.
 *
 * @param range the event-time range it names, or {@link TimeRange#ALL} when it names none
 * @param chronological whether the question is about time or order ("when", "how long ago",
 *     "first", "before"), so evidence should be packed in time order with dates shown
 * @param expression the words that named the range ("last Tuesday"), empty when none
 * @param anchor for "before/after I X": the event words ("moved"), to be dated from facts; empty
 *     otherwise
 * @param anchorBefore whether the anchor phrase said "before" (else "after"); meaningless without
 *     an anchor
 */
public record TimeHint(TimeRange range, boolean chronological, String expression, String anchor,
    boolean anchorBefore) {
  /** A query that says nothing about time. */
  public static final TimeHint NONE = new TimeHint(TimeRange.ALL, false, "", "", false);

  public TimeHint {
    Require.nonNull(range, "range");
    Require.nonNull(expression, "expression");
    Require.nonNull(anchor, "anchor");
  }

  /** Whether it names a range or an anchor event. */
  public boolean timed() {
    return !range.isAll() || !anchor.isEmpty();
  }
}
