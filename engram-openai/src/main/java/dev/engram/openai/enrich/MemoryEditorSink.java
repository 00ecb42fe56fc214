package dev.engram.openai.enrich;

import dev.engram.MemoryEditor;
import dev.engram.fact.Fact;
import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@link EnrichmentSink} that writes into a memory: facts through
 * {@link MemoryEditor#addFacts}, summaries through {@link MemoryEditor#replaceSummary}, each
 * change audited under the editor's actor (e.g. {@code llm-enrichment}, from
 * {@code engram.editor("llm-enrichment")}). Problems go to {@code problems} (a log). Thread-safe
 * (the editor takes the memory's write lock).
 */
public final class MemoryEditorSink implements EnrichmentSink {
  private final MemoryEditor editor;
  private final Consumer<String> problems;

  public MemoryEditorSink(MemoryEditor editor, Consumer<String> problems) {
    this.editor = Require.nonNull(editor, "editor");
    this.problems = Require.nonNull(problems, "problems");
  }

  @Override
  public void facts(MemoryItem episode, List<Fact> facts) {
    if (!facts.isEmpty()) {
      editor.addFacts(episode.owner().subject(), facts, "LLM fact extraction from " + episode.id());
    }
  }

  @Override
  public void summary(SummaryJob job, String summary) {
    editor.replaceSummary(job.owner().subject(), job.session(), summary, "LLM " + job.describe());
  }

  @Override
  public void problem(String job, String reason) {
    problems.accept(job + ": " + reason);
  }
}
