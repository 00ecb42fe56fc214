package dev.engram.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WritePipelineTest {

  @Test
  void should_embed_short_text_whole_and_cut_long_text_at_a_space() {
    String shortText = "user: hello there";
    String longText = "user: " + "word ".repeat(1000);

    assertThat(WritePipeline.embeddingInput(shortText)).isSameAs(shortText);
    String cut = WritePipeline.embeddingInput(longText);
    assertThat(cut.length()).isLessThanOrEqualTo(WritePipeline.EMBED_CHARS);
    assertThat(cut).endsWith("word");
    assertThat(longText).startsWith(cut);
  }
}
