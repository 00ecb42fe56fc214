/**
 * Governance: every change to a subject's memory (remember, fact, supersede, summary, pin, prune,
 * forget, rollback) is an event in the store's append-only audit log, with when, what (item ids,
 * never text), why and by whom. The subject's version is the number of its last event; {@link
 * dev.engram.audit.Rollback} undoes the events after a version, except forgetting, which stays
 * done.
 */
package dev.engram.audit;
