/**
 * Clients for OpenAI-compatible HTTP servers (OpenAI, Ollama, llama.cpp's server, vLLM, LM
 * Studio) on the JDK HTTP client, with no SDK.
 *
 * <p>{@link dev.engram.openai.OpenAiChatClient} calls {@code /chat/completions}, plain or as
 * server-sent events; {@link dev.engram.openai.OpenAiEmbedder} is an
 * {@link dev.engram.embed.Embedder} over {@code /embeddings}, registered as embedder kind
 * {@code openai}. Both retry 429, 5xx, timeouts and refused connections a bounded number of times
 * with exponential backoff ({@link dev.engram.openai.RetryPolicy}, waits through an injected
 * {@link dev.engram.openai.Sleeper}) and fail with an {@link dev.engram.openai.OpenAiException}
 * that names the endpoint and status, never the key. {@link dev.engram.openai.OpenAiSettings}
 * reads the configuration from flags, environment and a properties file. The LLM reader and the
 * LLM enrichment live in the {@code reader} and {@code enrich} subpackages.
 */
package dev.engram.openai;
