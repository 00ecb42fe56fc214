package dev.engram.cli;

import dev.engram.Engram;
import dev.engram.datasets.ChatLogReader;
import dev.engram.datasets.DocumentReader;
import dev.engram.model.Session;
import dev.engram.read.Context;
import dev.engram.read.RecallRequest;
import dev.engram.reader.Answer;
import dev.engram.reader.Citation;
import dev.engram.write.RememberResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code engram quickstart}: remember a sample conversation and document, then ask about them. */
@Command(name = "quickstart", mixinStandardHelpOptions = true,
    description = "Remember a sample conversation (12 chat turns) and a sample document (a "
        + "community garden handbook) under subject 'quickstart', then answer questions about "
        + "them with cited evidence. Safe to re-run: nothing is stored twice.")
final class QuickstartCommand implements Callable<Integer> {
  static final String SUBJECT = "quickstart";
  static final List<String> QUESTIONS = List.of(
      "When does the carpenter start on the kitchen?",
      "What time does Inês's flight land?",
      "Who is my physio?",
      "How much does garden membership cost?",
      "When is the mains tap locked?",
      "What is my passport number?");

  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(names = "--budget", paramLabel = "TOKENS", defaultValue = "400",
      description = "Token budget per question; small on purpose, so recall has to choose "
          + "(default: ${DEFAULT-VALUE}).")
  int budget;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path samples = Files.createTempDirectory("engram-quickstart");
    try (Engram engram = store.openForWrite()) {
      out.println("Remembering the samples in " + store.dataDir().toAbsolutePath() + " ...");
      Path chat = copy("conversation.jsonl", samples);
      Path handbook = copy("garden-handbook.md", samples);
      RememberResult result = new RememberResult(List.of(), 0);
      for (Session session : ChatLogReader.read(chat).sessionsOrThrow()) {
        result = result.plus(engram.remember(SUBJECT, session));
      }
      result = result.plus(engram.remember(SUBJECT, DocumentReader.read(handbook)));
      out.printf("%d new item(s), %d already remembered; subject '%s' holds %d items.%n%n",
          result.added(), result.skippedDuplicates(), SUBJECT, engram.stats(SUBJECT).items());
      for (String question : QUESTIONS) {
        ask(engram, question, out);
      }
      out.println("Try your own: engram ask -s " + SUBJECT + " \"...\" (add --show-context to see "
          + "what was packed)");
      return 0;
    } finally {
      deleteQuietly(samples);
    }
  }

  private void ask(Engram engram, String question, PrintWriter out) {
    RecallRequest request = RecallRequest.of(question).withBudget(budget);
    Context context = engram.recall(SUBJECT, request);
    Answer answer = engram.ask(SUBJECT, request);
    out.println("Q: " + question);
    out.println("A: " + answer.text());
    for (Citation c : answer.citations()) {
      out.printf("   cited %s (%s%s)%n", c.itemId(), c.session(),
          c.sourceIds().isEmpty() ? "" : ", " + String.join(", ", c.sourceIds()));
    }
    out.printf("   [%d items, %d/%d tokens packed]%n%n", context.items().size(), context.tokens(),
        context.budget());
  }

  private static Path copy(String resource, Path dir) throws IOException {
    try (InputStream in = QuickstartCommand.class.getResourceAsStream("/quickstart/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("sample " + resource + " is missing from the engram jar");
      }
      Path target = dir.resolve(resource);
      Files.copy(in, target);
      return target;
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }
}
