package dev.engram.lucene;

import dev.engram.store.StoreException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The data directory: {@code engram-store.properties} next to the {@code index/} folder. Decides
 * whether a directory may be created, must be checked, or must be left alone.
 */
final class StoreLayout {
  private StoreLayout() {}

  /**
   * Creates the store's manifest when {@code dataDir} is absent or empty, else checks the one it
   * has. A non-empty directory without a manifest is never written to.
   */
  static void prepare(Path dataDir, StoreManifest wanted, boolean readOnly) {
    if (isAbsentOrEmpty(dataDir)) {
      if (readOnly) {
        throw new StoreException("no Engram store at " + dataDir);
      }
      try {
        Files.createDirectories(dataDir);
        wanted.write(dataDir);
      } catch (IOException e) {
        throw new StoreException("cannot create store " + dataDir + ": " + e, e);
      }
      return;
    }
    StoreManifest found = StoreManifest.read(dataDir);
    if (found == null) {
      throw new StoreException(dataDir + " is not an Engram store (no "
          + StoreManifest.FILE_NAME + "); refusing to touch it");
    }
    found.requireCompatible(wanted, dataDir);
  }

  /** Sum of the sizes of the files under {@code dataDir}; files deleted meanwhile count 0. */
  static long bytesOnDisk(Path dataDir) throws IOException {
    long[] total = {0};
    Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        total[0] += attributes.isRegularFile() ? attributes.size() : 0;
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException e) {
        return FileVisitResult.CONTINUE; // Lucene deletes merged-away files at any time
      }
    });
    return total[0];
  }

  /** Absent, or a directory holding nothing but a manifest temp file left by a crash. */
  private static boolean isAbsentOrEmpty(Path dataDir) {
    if (!Files.exists(dataDir)) {
      return true;
    }
    if (!Files.isDirectory(dataDir)) {
      throw new StoreException(dataDir + " is not a directory; an Engram store is a directory");
    }
    try (Stream<Path> entries = Files.list(dataDir)) {
      return entries.allMatch(p -> p.getFileName().toString().equals(StoreManifest.TEMP_NAME));
    } catch (IOException e) {
      throw new StoreException("cannot list " + dataDir + ": " + e, e);
    }
  }
}
