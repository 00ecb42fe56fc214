/**
 * Compact memory: rolling per-session summaries and per-subject summaries, an extra cheaper view
 * that never replaces the verbatim episodes.
 */
package dev.engram.summary;
