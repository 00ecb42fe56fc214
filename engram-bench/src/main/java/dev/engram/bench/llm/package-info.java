/**
 * Bench runs with a model in the loop: {@code --reader llm} answers with the quote-checked LLM
 * reader (engram-openai) instead of the extractive reader, and {@code --judge llm} scores each
 * answer with an LLM judge beside token F1, its prompt printed in the report, so users with a
 * model get end-to-end accuracy comparable to published tables. Off by default: a bench run stays
 * offline unless asked.
 */
package dev.engram.bench.llm;
