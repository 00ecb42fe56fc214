/**
 * A real local HTTP server that speaks the OpenAI protocol with deterministic, scripted replies,
 * for tests of anything that talks to {@code /v1/chat/completions}, {@code /v1/embeddings} or
 * {@code /v1/models}: the Engram clients, LangChain4j and Spring AI adapters, the CLI.
 *
 * <p>{@link dev.engram.openai.testing.FakeOpenAiServer} binds 127.0.0.1 on a free port, records
 * every chat request as a {@link dev.engram.openai.testing.ChatCall}, answers with what a script
 * returns, and can be told to fail the next call with a
 * {@link dev.engram.openai.testing.Fault} (status codes, malformed JSON, a cut stream, a delay).
 * It ships in engram-openai's test-jar.
 */
package dev.engram.openai.testing;
