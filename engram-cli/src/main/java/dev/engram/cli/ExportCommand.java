package dev.engram.cli;

import dev.engram.Engram;
import dev.engram.embed.Embedder;
import dev.engram.migrate.MemoryExport;
import dev.engram.model.SubjectRef;
import dev.engram.spi.Providers;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code engram export}: one subject's memory as JSON lines, for {@code engram import}. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write one subject's memory (every item with all its fields, lifecycle and "
        + "vector, and its audit log) as JSON lines, to move it to another store with "
        + "'engram import' (e.g. from the embedded store to SolrCloud).")
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(names = {"-s", "--subject"}, paramLabel = "NAME", defaultValue = "default",
      description = "Whose memory (default: ${DEFAULT-VALUE}).")
  String subject;

  @Option(names = {"-o", "--out"}, paramLabel = "FILE", required = true,
      description = "The file to write (replaced if it exists).")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Embedder embedder = Providers.embedder(store.embedderKind()).create();
        Engram engram = store.builder().embedder(embedder).readOnly(true).build()) {
      StoreOptions.requireSubject(engram, subject, store.dataDir());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      MemoryExport.Counts counts;
      try (Writer writer = new OutputStreamWriter(Files.newOutputStream(temp),
          StandardCharsets.UTF_8)) {
        counts = MemoryExport.write(engram.store(), new SubjectRef(engram.tenant(), subject),
            embedder, writer);
      }
      Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      out.printf("exported %d item(s) and %d audit event(s) of subject '%s' to %s%n",
          counts.items(), counts.auditEvents(), subject, file);
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
