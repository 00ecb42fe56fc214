package dev.engram.model;

/**
 * Where an item lives. Hot items are in the search indexes; cold items were pruned out of them
 * (to keep recall fast) but stay reachable by id, by timeline and in history.
 */
public enum Tier {
  /** Searchable by text and vector. */
  HOT,
  /** Out of the search indexes; still returned by get, timeline, sessionRange and items. */
  COLD
}
