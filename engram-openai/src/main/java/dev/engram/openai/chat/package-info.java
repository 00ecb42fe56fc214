/**
 * Chat with memory, the engine behind {@code engram chat}: every message recalls from the
 * subject's memory, the reply comes from an LLM given that memory (streamed, citing items as
 * {@code [n]}) or, offline, from Engram's extractive reader, and each exchange is remembered.
 */
package dev.engram.openai.chat;
