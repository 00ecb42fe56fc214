/**
 * Engram for Spring AI: long-term memory for a {@code ChatClient} by adding one dependency.
 *
 * <p>{@link dev.engram.spring.ai.EngramMemoryAdvisor} recalls, before each call, what Engram
 * holds about the conversation's subject and adds it to the system message; after the call (or
 * when a stream completes) it remembers the exchange. {@link
 * dev.engram.spring.ai.EngramAutoConfiguration} opens the memory from {@code engram.*} properties
 * ({@link dev.engram.spring.ai.EngramProperties}) and adds the advisor to every auto-configured
 * {@code ChatClient}.
 */
package dev.engram.spring.ai;
