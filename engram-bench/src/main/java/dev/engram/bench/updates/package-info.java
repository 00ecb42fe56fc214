/**
 * The update/forget benchmark family (research.md capability 12, F12): generated subjects whose
 * stated values change 1-3 times (freshness-hit and outdated-answer rates), and secrets that are
 * forgotten and then probed for in answers, contexts, stored items and file bytes (leak rate).
 */
package dev.engram.bench.updates;
