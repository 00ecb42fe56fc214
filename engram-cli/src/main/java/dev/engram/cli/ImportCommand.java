package dev.engram.cli;

import dev.engram.Engram;
import dev.engram.EngramException;
import dev.engram.embed.Embedder;
import dev.engram.migrate.MemoryExport;
import dev.engram.model.SubjectRef;
import dev.engram.spi.Providers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code engram import}: adds a subject's memory written by {@code engram export}. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Add a subject's memory from a file written by 'engram export' to this store. "
        + "The whole file is checked before anything is written; items with the same ids are "
        + "replaced, so importing twice changes nothing but the audit log.")
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(names = {"-s", "--subject"}, paramLabel = "NAME", defaultValue = "default",
      description = "Whose memory it becomes (default: ${DEFAULT-VALUE}).")
  String subject;

  @Option(names = {"-i", "--in"}, paramLabel = "FILE", required = true,
      description = "A file written by 'engram export'.")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Embedder embedder = Providers.embedder(store.embedderKind()).create();
        Engram engram = store.builder().embedder(embedder).build();
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      MemoryExport.Counts counts = MemoryExport.read(engram.store(),
          new SubjectRef(engram.tenant(), subject), embedder, reader, file.toString());
      out.printf("imported %d item(s) and %d audit event(s) into subject '%s'%s%n",
          counts.items(), counts.auditEvents(), subject,
          counts.reembedded() ? " (re-embedded: the export used another embedder)" : "");
      return 0;
    } catch (NoSuchFileException e) {
      throw new EngramException("no such file: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
