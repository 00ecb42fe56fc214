package dev.engram.cli;

import dev.engram.Engram;
import dev.engram.EngramException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the memory lives and whose it is: options shared by every command. */
final class StoreOptions {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "The memory store directory (default: $ENGRAM_DATA_DIR, else ./engram-data).")
  Path dataDir;

  @Option(
      names = "--tenant",
      paramLabel = "NAME",
      defaultValue = "default",
      description = "Tenant whose memory to use (default: ${DEFAULT-VALUE}).")
  String tenant;

  Path dataDir() {
    if (dataDir != null) {
      return dataDir;
    }
    String fromEnv = System.getenv("ENGRAM_DATA_DIR");
    return Path.of(fromEnv != null && !fromEnv.isBlank() ? fromEnv : "engram-data");
  }

  /** Opens the store for writing (creating it when absent). */
  Engram openForWrite() {
    return Engram.builder().dataDir(dataDir()).tenant(tenant).build();
  }

  /** Opens an existing store for reading, without its write lock. */
  Engram openForRead() {
    return Engram.builder().dataDir(dataDir()).tenant(tenant).readOnly(true).build();
  }

  /** Fails with the known subjects listed when {@code subject} has no memory. */
  static void requireSubject(Engram engram, String subject, Path dataDir) {
    if (engram.stats(subject).items() == 0) {
      List<String> known = engram.subjects();
      throw new EngramException("subject '" + subject + "' has no memory in " + dataDir
          + (known.isEmpty() ? " (the store is empty)" : "; subjects: " + preview(known)));
    }
  }

  private static String preview(List<String> subjects) {
    return subjects.size() <= 10
        ? String.join(", ", subjects)
        : String.join(", ", subjects.subList(0, 10)) + ", ... (" + subjects.size() + " in all)";
  }
}
