package dev.engram.openai.chat;

import dev.engram.model.Require;
import dev.engram.reader.Citation;
import java.util.List;

/**
 * One reply of a {@link MemoryChat}.
 *
 * @param text what the assistant said
 * @param citations the remembered items the reply rests on (for an LLM reply, those it cited as
 *     {@code [n]}); may be empty
 * @param producedBy {@code llm}, {@code extractive}, or {@code extractive-fallback} when the
 *     endpoint failed
 * @param note why the fallback was taken (the endpoint error); empty otherwise
 */
public record ChatReply(String text, List<Citation> citations, String producedBy, String note) {
  public ChatReply {
    Require.nonNull(text, "text");
    citations = List.copyOf(citations);
    Require.nonBlank(producedBy, "producedBy");
    Require.nonNull(note, "note");
  }
}
