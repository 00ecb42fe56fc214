package dev.engram.model;

/** What a memory item is: a verbatim episode, or one of the views derived from episodes. */
public enum ItemKind {
  /** A round (user turn + reply) or a document page, verbatim. */
  EPISODE,
  /** A session-level (1) or subject-level (2) summary. */
  SUMMARY,
  /** A fact with validity dates. */
  FACT,
  /** Pinned by the user. */
  NOTE
}
