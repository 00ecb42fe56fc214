package dev.engram.openai.enrich;

import dev.engram.fact.Fact;
import dev.engram.model.MemoryItem;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link EnrichmentSink} that keeps everything it is given, as lines. */
final class RecordingSink implements EnrichmentSink {
  final List<String> facts = new CopyOnWriteArrayList<>();
  final List<String> summaries = new CopyOnWriteArrayList<>();
  final List<String> problems = new CopyOnWriteArrayList<>();

  @Override
  public void facts(MemoryItem episode, List<Fact> found) {
    for (Fact fact : found) {
      facts.add(episode.id() + ": " + fact.attribute() + " = " + fact.value());
    }
  }

  @Override
  public void summary(SummaryJob job, String summary) {
    summaries.add(job.session() + ": " + summary);
  }

  @Override
  public void problem(String job, String reason) {
    problems.add(job + ": " + reason);
  }
}
