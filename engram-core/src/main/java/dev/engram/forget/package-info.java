/**
 * Forgetting for real: by id, session, subject, time range or query. The forgotten episodes, the
 * facts derived from them and the summaries that covered them are deleted in one store call (the
 * store rewrites its files so no byte of the text remains), summaries are rebuilt from what is
 * left, and the audit log records ids and why, never the text. A dry run lists what would go.
 */
package dev.engram.forget;
