package dev.engram.cli;

import dev.engram.Engram;
import dev.engram.store.StoreStats;
import dev.engram.store.SubjectStats;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code engram stats}: what the store holds. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Show what the store holds: items, subjects, bytes on disk, the embedder, and "
        + "per-subject counts.")
final class StatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(names = {"-s", "--subject"}, paramLabel = "NAME",
      description = "Only this subject (default: every subject of the tenant).")
  String subject;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Engram engram = store.openForRead()) {
      if (subject != null) {
        StoreOptions.requireSubject(engram, subject, store.dataDir());
      }
      var subjects = subject != null ? java.util.List.of(subject) : engram.subjects();
      StoreStats all = engram.stats();
      var node = Json.object();
      node.put("dataDir", store.dataDir().toAbsolutePath().toString());
      node.put("embedder", engram.embedderInfo().modelId());
      node.put("dimension", engram.embedderInfo().dimension());
      long remembered = 0;
      for (String name : subjects) {
        remembered += engram.stats(name).items();
      }
      node.put("items", remembered);
      node.put("storedItems", all.items());
      node.put("subjects", all.subjects());
      node.put("bytesOnDisk", all.bytesOnDisk());
      var per = node.putObject("tenant").putObject(engram.tenant());
      for (String name : subjects) {
        SubjectStats s = engram.stats(name);
        var entry = per.putObject(name);
        entry.put("items", s.items());
        entry.put("tokens", s.tokens());
        entry.put("facts", engram.facts(name).size());
        entry.put("summaries", engram.summaries(name).size());
      }
      if (json) {
        Json.print(out, node);
      } else {
        out.printf("store    %s%nembedder %s (%d dimensions)%nitems    %d in %d subject(s) "
                + "(%d stored with facts and summaries), %,d bytes on disk%n",
            store.dataDir().toAbsolutePath(), engram.embedderInfo().modelId(),
            engram.embedderInfo().dimension(), remembered, all.subjects(), all.items(),
            all.bytesOnDisk());
        for (String name : subjects) {
          SubjectStats s = engram.stats(name);
          out.printf("  %-30s %8d items %10d tokens %6d facts %4d summaries%n", name, s.items(),
              s.tokens(), engram.facts(name).size(), engram.summaries(name).size());
        }
      }
      return 0;
    }
  }
}
