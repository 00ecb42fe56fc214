package dev.engram.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.engram.Engram;
import dev.engram.EngramException;
import dev.engram.datasets.ChatLogReader;
import dev.engram.datasets.DatasetFormatException;
import dev.engram.datasets.DocumentReader;
import dev.engram.datasets.FileFormat;
import dev.engram.datasets.LocomoReader;
import dev.engram.datasets.LongMemEvalReader;
import dev.engram.model.Session;
import dev.engram.write.RememberResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code engram ingest}: remember files. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = {
        "Remember files: plain text (.txt) and Markdown (.md) documents, JSONL chat logs "
            + "(one {\"session\", \"role\", \"content\", \"time\"} object per line), LoCoMo "
            + "(locomo10.json) and LongMemEval (longmemeval_*.json[.gz]) files. The format is "
            + "detected from the name and content.",
        "Documents and chat logs go to --subject. Each LoCoMo conversation and each LongMemEval "
            + "question's haystack goes to a subject named after its id, unless --subject is "
            + "given; --item picks one of them.",
        "Re-ingesting is safe: rounds a session already holds are skipped. Each session is "
            + "durable as soon as it is counted."})
final class IngestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to remember.")
  List<Path> files;

  @Option(names = {"-s", "--subject"}, paramLabel = "NAME",
      description = "Whose memory (default: 'default' for documents and chat logs; each "
          + "dataset record's own id for LoCoMo and LongMemEval).")
  String subject;

  @Option(names = "--item", paramLabel = "ID",
      description = "Only this LoCoMo sample_id or LongMemEval question_id.")
  String item;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "2147483647",
      description = "At most N LoCoMo or LongMemEval records.")
  int limit;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
  boolean quiet;

  @Option(names = "--json", description = "Print a JSON summary instead of text.")
  boolean json;

  private final Map<String, Long> itemsBySubject = new LinkedHashMap<>();
  /** Sessions per bulk remember call. */
  private static final int SESSIONS_PER_CALL = 16;

  private long added;
  private long merged;
  private long skipped;
  private long sessions;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, was " + limit);
    }
    for (Path file : files) {
      FileFormat.detect(file); // fail on a missing or unknown file before touching the store
    }
    long start = System.nanoTime();
    try (Engram engram = store.openForWrite();
        Progress progress = Progress.start("ingest", 0, "sessions", quiet)) {
      for (Path file : files) {
        ingest(engram, file, progress);
      }
    }
    report(spec.commandLine().getOut(), (System.nanoTime() - start) / 1e9);
    return 0;
  }

  private void ingest(Engram engram, Path file, Progress progress) {
    try {
      ingestFormat(engram, file, progress);
    } catch (DatasetFormatException e) {
      throw new EngramException(e.getMessage() + "; " + added + " new item(s) from " + sessions
          + " session(s) before it were remembered");
    }
  }

  private void ingestFormat(Engram engram, Path file, Progress progress) {
    FileFormat format = FileFormat.detect(file);
    switch (format) {
      case TEXT:
      case MARKDOWN:
        progress.addToTotal(1);
        count(defaultSubject(), engram.remember(defaultSubject(), DocumentReader.read(file)), progress);
        break;
      case CHAT_JSONL:
        ingestChatLog(engram, file, progress);
        break;
      case LOCOMO:
        int[] seen = {0};
        LocomoReader.forEach(file, sample -> {
          if (wanted(sample.sampleId()) && seen[0]++ < limit) {
            rememberAll(engram, recordSubject(sample.sampleId()), sample.sessions(), progress);
          }
        });
        requireFound(file, seen[0]);
        break;
      case LONGMEMEVAL:
        int[] found = {0};
        LongMemEvalReader.forEach(file, record -> {
          if (wanted(record.questionId()) && found[0]++ < limit) {
            rememberAll(engram, recordSubject(record.questionId()), record.sessions(), progress);
          }
        });
        requireFound(file, found[0]);
        break;
      default:
        throw new IllegalStateException("unhandled format " + format);
    }
  }

  private void ingestChatLog(Engram engram, Path file, Progress progress) {
    ChatLogReader.ParseResult parsed = ChatLogReader.read(file);
    rememberAll(engram, defaultSubject(), parsed.sessions(), progress);
    if (!parsed.complete()) {
      throw new EngramException(parsed.firstError().getMessage() + "; the " + parsed.goodLines()
          + " good line(s) before it were remembered (" + added + " new item(s) in all)");
    }
  }

  private void rememberAll(Engram engram, String who, List<Session> list, Progress progress) {
    progress.addToTotal(list.size());
    progress.message(" subject " + who);
    // Bulk import in groups: one embedder call and one commit per group run at the model's batch
    // speed, the progress bar still moves, and a crash keeps the groups already committed.
    for (int from = 0; from < list.size(); from += SESSIONS_PER_CALL) {
      List<Session> group = list.subList(from, Math.min(list.size(), from + SESSIONS_PER_CALL));
      count(who, engram.rememberAll(who, group), group.size(), progress);
    }
  }

  private void count(String who, RememberResult result, Progress progress) {
    count(who, result, 1, progress);
  }

  private void count(String who, RememberResult result, int sessionCount, Progress progress) {
    added += result.added();
    skipped += result.skippedDuplicates();
    merged += result.mergedIds().size();
    sessions += sessionCount;
    itemsBySubject.merge(who, (long) result.added(), Long::sum);
    progress.step(sessionCount);
  }

  private boolean wanted(String id) {
    return item == null || item.equals(id);
  }

  private void requireFound(Path file, int count) {
    if (item != null && count == 0) {
      throw new EngramException("no record with id '" + item + "' in " + file);
    }
  }

  private String defaultSubject() {
    return subject != null ? subject : "default";
  }

  private String recordSubject(String recordId) {
    return subject != null ? subject : recordId;
  }

  private void report(PrintWriter out, double seconds) {
    double rate = seconds > 0 ? added / seconds : 0;
    if (json) {
      var node = Json.object();
      node.put("sessions", sessions);
      node.put("added", added);
      node.put("skippedDuplicates", skipped);
      node.put("keptColdAsNearRepeats", merged);
      node.put("seconds", seconds);
      node.put("itemsPerSecond", rate);
      ArrayNode subjects = node.putArray("subjects");
      itemsBySubject.keySet().forEach(subjects::add);
      Json.print(out, node);
      return;
    }
    out.printf(java.util.Locale.ROOT,
        "remembered %d new item(s) from %d session(s) in %.1f s (%.0f items/s); %d duplicate(s) "
            + "skipped%s%n", added, sessions, seconds, rate, skipped,
        merged == 0 ? "" : "; " + merged + " near-repeat(s) kept cold");
    itemsBySubject.entrySet().stream().limit(10).forEach(e ->
        out.printf("  subject %-30s +%d%n", e.getKey(), e.getValue()));
    if (itemsBySubject.size() > 10) {
      out.printf("  ... and %d more subjects%n", itemsBySubject.size() - 10);
    }
  }
}
