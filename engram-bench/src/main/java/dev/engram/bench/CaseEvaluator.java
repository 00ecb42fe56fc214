package dev.engram.bench;

import dev.engram.bench.llm.LlmJudge;
import dev.engram.bench.metrics.AnswerScore;
import dev.engram.bench.metrics.RankedMetrics;
import dev.engram.bench.systems.RetrievalSystem;
import dev.engram.model.MemoryItem;
import dev.engram.model.SubjectRef;
import dev.engram.read.Context;
import dev.engram.reader.Answer;
import dev.engram.reader.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts one question to one system and scores what comes back: the ranking (turn and session
 * level, every k), the context packed at every budget (evidence inside, tokens) and the reader's
 * answer at the reader budget. Stateless apart from its settings; one thread.
 */
final class CaseEvaluator {
  private final BenchConfig config;
  private final Reader reader;
  private final LlmJudge judge;

  CaseEvaluator(BenchConfig config, Reader reader) {
    this.config = config;
    this.reader = reader;
    this.judge = config.llm().judgeOrNull();
  }

  CaseResult evaluate(RetrievalSystem system, SubjectRef owner, HaystackIndex index, BenchCase c) {
    Map<String, Double> values = new HashMap<>();
    Set<String> turns = c.retrievalTarget() ? index.known(c.evidenceTurns()) : Set.of();
    Set<String> sessions = c.retrievalTarget() ? evidenceSessions(index, c, turns) : Set.of();
    List<MemoryItem> ranked = system.rank(owner, c.question(), config.maxK());
    if (!turns.isEmpty()) {
      List<Set<String>> units = ranked.stream().map(i -> Set.copyOf(i.sourceIds())).toList();
      score("turn", new RankedMetrics(units, turns, index.itemsHolding(turns)), values);
    }
    if (!sessions.isEmpty()) {
      score("session", new RankedMetrics(sessionUnits(ranked), sessions, sessions.size()), values);
    }
    Context readerContext = null;
    double packMillis = 0;
    for (int budget : config.budgets()) {
      long start = System.nanoTime();
      Context context = system.pack(owner, c.question(), budget);
      if (budget == config.readerBudget()) {
        packMillis = (System.nanoTime() - start) / 1e6;
        readerContext = context;
      }
      values.put(Metrics.contextTokens(budget), (double) context.tokens());
      if (!turns.isEmpty()) {
        double inside = inside(index, context, turns);
        values.put(Metrics.contextFraction(budget), inside / turns.size());
        values.put(Metrics.contextAll(budget), inside == turns.size() ? 1.0 : 0.0);
      }
    }
    Answer answer = reader.answer(c.question(), readerContext);
    if (c.answerTarget()) {
      String predicted = answer.abstained() ? "" : answer.text();
      values.put(Metrics.ANSWER_F1, AnswerScore.f1(predicted, c.answer()));
      values.put(Metrics.ANSWER_EM, AnswerScore.exactMatch(predicted, c.answer()));
      if (judge != null) {
        Metrics.judged(judge.judge(c.question(), c.answer(), predicted), values);
      }
    }
    if (config.llm().llmReader()) {
      values.put(Metrics.READER_FALLBACK, answer.producedBy().equals("extractive-fallback") ? 1.0 : 0.0);
    }
    return new CaseResult(c.id(), c.category(), system.name(), values, c.expectAbstain(),
        answer.abstained(), answer.text(), evidenceRanks(ranked, turns), packMillis);
  }

  private void score(String level, RankedMetrics metrics, Map<String, Double> values) {
    for (int k : config.ks()) {
      values.put(Metrics.at(level, "recall_all", k), metrics.recallAll(k));
      values.put(Metrics.at(level, "recall_any", k), metrics.recallAny(k));
      values.put(Metrics.at(level, "precision", k), metrics.precision(k));
      values.put(Metrics.at(level, "ndcg", k), metrics.ndcg(k));
    }
    values.put(Metrics.mrr(level), metrics.mrr());
  }

  /** The declared evidence sessions present in memory, else those holding the evidence turns. */
  private static Set<String> evidenceSessions(HaystackIndex index, BenchCase c, Set<String> turns) {
    Set<String> declared = new LinkedHashSet<>();
    for (String session : c.evidenceSessions()) {
      if (index.hasSession(session)) {
        declared.add(session);
      }
    }
    return c.evidenceSessions().isEmpty() ? index.sessionsOf(turns) : declared;
  }

  /** Ranked items collapsed to their sessions, each session once at its best rank. */
  private static List<Set<String>> sessionUnits(List<MemoryItem> ranked) {
    Set<String> seen = new LinkedHashSet<>();
    for (MemoryItem item : ranked) {
      seen.add(item.session());
    }
    return seen.stream().map(Set::of).toList();
  }

  private static int inside(HaystackIndex index, Context context, Set<String> turns) {
    int inside = 0;
    for (String turn : turns) {
      for (MemoryItem item : context.memoryItems()) {
        if (index.shows(item, turn)) {
          inside++;
          break;
        }
      }
    }
    return inside;
  }

  private static List<Integer> evidenceRanks(List<MemoryItem> ranked, Set<String> turns) {
    List<Integer> ranks = new ArrayList<>();
    for (String turn : turns) {
      int rank = 0;
      for (int i = 0; i < ranked.size() && rank == 0; i++) {
        if (ranked.get(i).sourceIds().contains(turn)) {
          rank = i + 1;
        }
      }
      ranks.add(rank);
    }
    return ranks;
  }
}
