package dev.engram.openai;

import dev.engram.model.Require;

/**
 * What a chat model answered.
 *
 * @param content the assistant text; empty, never null, when it said nothing
 * @param finishReason why it stopped ({@code stop}, {@code length} ...); empty when not reported
 * @param model the model the server says answered; empty when not reported
 */
public record ChatCompletion(String content, String finishReason, String model) {
  public ChatCompletion {
    Require.nonNull(content, "content");
    Require.nonNull(finishReason, "finishReason");
    Require.nonNull(model, "model");
  }
}
