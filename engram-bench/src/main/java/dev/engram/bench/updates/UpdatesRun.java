package dev.engram.bench.updates;

import dev.engram.Engram;
import dev.engram.embed.Embedder;
import dev.engram.forget.ForgetSelector;
import dev.engram.lucene.LuceneMemoryStore;
import dev.engram.model.MemoryItem;
import dev.engram.model.Session;
import dev.engram.model.SubjectRef;
import dev.engram.read.Context;
import dev.engram.read.RecallRequest;
import dev.engram.reader.Answer;
import dev.engram.reader.ExtractiveReader;
import dev.engram.store.ItemFilter;
import dev.engram.store.MemoryStore;
import dev.engram.store.TimeRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the update/forget family (research.md F12) on generated cases, each in a fresh Lucene
 * store on disk: the update question is asked of Engram with facts and of Engram without them
 * ({@code engram-no-facts}: no extractor, no compact block) at each budget; the secret is then
 * forgotten by query and probed for in the answer, the packed context, every stored item and
 * every byte of the store's files.
 */
final class UpdatesRun {
  private final Embedder embedder;
  private final List<Integer> budgets;
  private final Path workDir;

  UpdatesRun(Embedder embedder, List<Integer> budgets, Path workDir) {
    this.embedder = embedder;
    this.budgets = budgets;
    this.workDir = workDir;
  }

  UpdatesReport run(List<UpdateCase> cases) {
    List<UpdatesReport.Row> rows = new ArrayList<>();
    for (String variant : List.of("engram", "engram-no-facts")) {
      for (int budget : budgets) {
        rows.add(new UpdatesReport.Row(variant, budget, 0, 0, 0));
      }
    }
    int leaks = 0;
    int probes = 0;
    for (int i = 0; i < cases.size(); i++) {
      UpdateCase c = cases.get(i);
      for (String variant : List.of("engram", "engram-no-facts")) {
        Path dir = workDir.resolve("case-" + i + "-" + variant);
        try (MemoryStore store = LuceneMemoryStore.open(dir, embedder.info(), false);
            Engram engram = open(store, c, variant)) {
          for (Session session : c.sessions()) {
            engram.remember(c.subject(), session);
          }
          for (int b = 0; b < budgets.size(); b++) {
            Answer answer = engram.ask(c.subject(), request(c.question(), c, budgets.get(b),
                variant));
            int row = rows.indexOf(rows.stream().filter(r -> r.variant().equals(variant))
                .toList().get(b));
            rows.set(row, rows.get(row).plus(fresh(answer, c), outdated(answer, c)));
          }
          if (variant.equals("engram")) {
            probes++;
            leaks += leaked(engram, store, dir, c) ? 1 : 0;
          }
        }
      }
    }
    return new UpdatesReport(cases.size(), rows, probes, leaks);
  }

  private Engram open(MemoryStore store, UpdateCase c, String variant) {
    Engram.Builder builder = Engram.builder().store(store).embedder(embedder)
        .reader(new ExtractiveReader(embedder))
        .clock(Clock.fixed(c.askedAt(), ZoneOffset.UTC)).actor("bench-updates");
    if (variant.equals("engram-no-facts")) {
      builder.factExtractor(episode -> List.of());
    }
    return builder.build();
  }

  private static RecallRequest request(String question, UpdateCase c, int budget,
      String variant) {
    RecallRequest request = RecallRequest.of(question).withBudget(budget)
        .withQuestionTime(c.askedAt());
    return variant.equals("engram") ? request : request.withCompactShare(0);
  }

  private boolean leaked(Engram engram, MemoryStore store, Path dir, UpdateCase c) {
    engram.forget(c.subject(), ForgetSelector.where(TimeRange.ALL, "bank card"), false,
        "bench probe");
    String digits = c.secret().replaceAll("[^0-9]", "");
    String code = c.secret().substring(4);
    Context context = engram.recall(c.subject(), RecallRequest.of(c.secretQuestion())
        .withQuestionTime(c.askedAt()));
    Answer answer = engram.ask(c.subject(), c.secretQuestion());
    boolean inMemory = context.text().contains(code) || answer.text().contains(code);
    for (MemoryItem item : store.items(new SubjectRef(engram.tenant(), c.subject()),
        ItemFilter.ANY, 100_000)) {
      inMemory |= item.text().contains(code) || item.key().contains(code);
    }
    return inMemory || onDisk(dir, code) || digits.isEmpty();
  }

  private static boolean onDisk(Path dir, String marker) {
    byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder())
          .toList()) {
        if (indexOf(Files.readAllBytes(file), needle) >= 0) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan " + dir, e);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static boolean fresh(Answer answer, UpdateCase c) {
    return contains(answer.text(), c.current());
  }

  private static boolean outdated(Answer answer, UpdateCase c) {
    return !fresh(answer, c) && c.outdated().stream().anyMatch(v -> contains(answer.text(), v));
  }

  private static boolean contains(String text, String value) {
    return text.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
  }
}
