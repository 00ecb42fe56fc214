/**
 * Time in questions: {@link dev.engram.time.TimeExpressions} reads "last Tuesday", "two weeks
 * ago", "in March 2023" or "before I moved" against the question's date into a {@link
 * dev.engram.time.TimeHint} (a range, an anchor event, and whether the question is about order),
 * which recall uses to boost items in the range and to pack temporal questions in time order with
 * dates shown. Anything unreadable is simply untimed.
 */
package dev.engram.time;
