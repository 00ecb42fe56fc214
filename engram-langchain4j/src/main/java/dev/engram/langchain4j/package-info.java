/**
 * Engram for LangChain4j: long-term memory behind the two seams an AI service already has.
 *
 * <p>{@link dev.engram.langchain4j.EngramChatMemoryStore} is a {@code ChatMemoryStore}: a
 * {@code MessageWindowChatMemory} keeps its window in it across restarts, exactly (system
 * messages, tool calls and tool results included), and each finished round becomes Engram memory
 * of the subject the memory id names. {@link dev.engram.langchain4j.EngramContentRetriever} is a
 * {@code ContentRetriever}: each question recalls from that memory under a token budget, and the
 * packed items come back as contents with their item id, session, time and score.
 * {@link dev.engram.langchain4j.EngramMemory} wires both for one memory id in one call.
 *
 * <p>Memory ids map to subjects of the Engram instance's tenant; a {@code SubjectRef} of another
 * tenant is refused, so nothing crosses tenants.
 */
package dev.engram.langchain4j;
