/**
 * The LLM reader: quote-then-answer over the packed context, with every quote checked.
 *
 * <p>{@link dev.engram.openai.reader.LlmReader} sends the context recall packed, items headed
 * {@code [n] date · session · #seq}, and asks the model to copy the sentences it relies on with
 * their item numbers before answering, as one JSON object. Models invent "retrieved" facts
 * (ALR²), so each quote must be in the context: a case-folded, whitespace-normalised substring of
 * a packed item, or at least 90% of one sentence's words (formula F9). A failed check is retried
 * once with the problem named; a second failure, or an endpoint that fails, hands the question to
 * the offline extractive reader. Every answer says which of the three paths produced it, and
 * "not in memory" is an answer like any other.
 */
package dev.engram.openai.reader;
