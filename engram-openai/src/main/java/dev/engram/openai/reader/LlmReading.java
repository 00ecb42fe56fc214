package dev.engram.openai.reader;

import dev.engram.model.Require;
import dev.engram.reader.Answer;

/**
 * An {@link LlmReader} answer with the path that produced it.
 *
 * @param answer the answer; its {@link Answer#producedBy()} is {@link Path#label()}
 * @param path which path produced it
 * @param note why the path was taken, e.g. the failed quote or the endpoint error; empty when the
 *     first reply passed
 */
public record LlmReading(Answer answer, Path path, String note) {

  /** How an answer was produced. */
  public enum Path {
    /** The model's first reply passed the quote check (or abstained). */
    LLM("llm"),
    /** The first reply failed the quote check, the retry passed. */
    LLM_RETRY("llm-retry"),
    /** Both replies failed, or the endpoint failed: the extractive reader answered. */
    EXTRACTIVE_FALLBACK("extractive-fallback");

    private final String label;

    Path(String label) {
      this.label = label;
    }

    /** The {@link Answer#producedBy()} value of this path. */
    public String label() {
      return label;
    }
  }

  public LlmReading {
    Require.nonNull(answer, "answer");
    Require.nonNull(path, "path");
    Require.nonNull(note, "note");
  }
}
