package dev.engram.cli;

import dev.engram.Engram;
import dev.engram.EngramException;
import dev.engram.forget.ForgetReport;
import dev.engram.forget.ForgetSelector;
import dev.engram.store.TimeRange;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code engram forget}: delete memory by id, session, subject, time range or query. */
@Command(name = "forget", mixinStandardHelpOptions = true,
    description = "Delete memory for real: by item id, by session or document, a whole subject, "
        + "or the episodes in a time range and/or matching a query (with the facts derived from "
        + "them; summaries are rebuilt). Durable when the command returns. --dry-run lists what "
        + "would go.")
final class ForgetCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(names = {"-s", "--subject"}, paramLabel = "NAME", defaultValue = "default",
      description = "Whose memory (default: ${DEFAULT-VALUE}).")
  String subject;

  @Option(names = "--id", paramLabel = "ID", split = ",",
      description = "Item ids to forget (as shown by search).")
  List<String> ids;

  @Option(names = "--session", paramLabel = "ID",
      description = "A session or document id to forget whole.")
  String session;

  @Option(names = "--all", description = "Forget everything about the subject.")
  boolean all;

  @Option(names = "--before", paramLabel = "TIME",
      description = "Episodes before this date (2024-05-01) or instant (2024-05-01T10:00:00Z).")
  String before;

  @Option(names = "--after", paramLabel = "TIME",
      description = "Episodes at or after this date or instant.")
  String after;

  @Option(names = "--between", paramLabel = "FROM,TO", split = ",", arity = "1",
      description = "Episodes from FROM (inclusive) to TO (exclusive).")
  List<String> between;

  @Option(names = "--matching", paramLabel = "QUERY",
      description = "Episodes whose text holds every word of QUERY (combines with a time range).")
  String matching;

  @Option(names = "--dry-run", description = "Only list what would be forgotten.")
  boolean dryRun;

  @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "",
      description = "Why, for the audit log (never put the forgotten text here).")
  String reason;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ForgetSelector selector = selector();
    try (Engram engram = store.builder().actor("cli:forget").build()) {
      if (selector.all() && !dryRun) {
        int count = engram.forgetSubject(subject);
        requireSomething(count == 0, selector);
        print(out, new ForgetReport(false, List.of(), List.of(), List.of(), List.of()), selector,
            count);
        return 0;
      }
      ForgetReport report = engram.forget(subject, selector, dryRun, reason);
      requireSomething(report.nothing(), selector);
      print(out, report, selector, report.episodeIds().size());
      return 0;
    }
  }

  private void requireSomething(boolean nothing, ForgetSelector selector) {
    if (nothing) {
      throw new EngramException("nothing to forget: " + selector.describe()
          + " not found in subject '" + subject + "' (the store is unchanged)");
    }
  }

  private void print(PrintWriter out, ForgetReport report, ForgetSelector selector, int count) {
    if (json) {
      var node = Json.object();
      node.put("subject", subject);
      node.put("dryRun", report.dryRun());
      node.put("forgotten", count);
      var episodes = node.putArray("episodes");
      report.episodeIds().forEach(episodes::add);
      var facts = node.putArray("facts");
      report.factIds().forEach(facts::add);
      var summaries = node.putArray("summariesRebuilt");
      report.summaryIds().forEach(summaries::add);
      Json.print(out, node);
      return;
    }
    if (report.dryRun()) {
      out.printf("would forget %d item(s) and %d fact(s): %s of subject '%s'%n",
          report.episodeIds().size(), report.factIds().size(), selector.describe(), subject);
      for (int i = 0; i < report.episodeIds().size(); i++) {
        out.printf("  %s  %s%n", report.episodeIds().get(i), report.previews().get(i));
      }
      return;
    }
    {
      out.printf("forgot %d item(s): %s of subject '%s'%s%n", count, selector.describe(), subject,
          report.factIds().isEmpty() ? "" : " (and " + report.factIds().size() + " fact(s))");
    }
  }

  private ForgetSelector selector() {
    TimeRange range = range();
    int targets = (ids == null ? 0 : 1) + (session == null ? 0 : 1) + (all ? 1 : 0)
        + (range.isAll() && matching == null ? 0 : 1);
    if (targets != 1) {
      throw new ParameterException(spec.commandLine(), "give exactly one of --id, --session, "
          + "--all, or a time range (--before/--after/--between) and/or --matching");
    }
    if (ids != null) {
      return ForgetSelector.ids(ids);
    }
    if (session != null) {
      return ForgetSelector.session(session);
    }
    return all ? ForgetSelector.subject() : ForgetSelector.where(range, matching);
  }

  private TimeRange range() {
    if (between != null && (before != null || after != null)) {
      throw new ParameterException(spec.commandLine(),
          "--between cannot be combined with --before or --after");
    }
    try {
      if (between != null) {
        if (between.size() != 2) {
          throw new ParameterException(spec.commandLine(),
              "--between needs FROM,TO, got " + String.join(",", between));
        }
        return new TimeRange(TimeArguments.parse(between.get(0), "--between"),
            TimeArguments.parse(between.get(1), "--between"));
      }
      return new TimeRange(after == null ? null : TimeArguments.parse(after, "--after"),
          before == null ? null : TimeArguments.parse(before, "--before"));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
