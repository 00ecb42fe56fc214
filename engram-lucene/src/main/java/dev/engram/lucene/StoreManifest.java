package dev.engram.lucene;

import dev.engram.embed.EmbedderInfo;
import dev.engram.store.StoreException;
import dev.engram.store.StoreInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.lucene.util.IOUtils;

/**
 * What a store on disk was written with: format name and version, embedder model id and dimension.
 * Kept in {@code engram-store.properties} in the data directory and, identically, in the user data
 * of every Lucene commit, and checked on every open.
 */
record StoreManifest(String format, int formatVersion, String modelId, int dimension) {
  static final String FILE_NAME = "engram-store.properties";
  static final String TEMP_NAME = FILE_NAME + ".tmp";
  static final String FORMAT = "lucene";
  static final int FORMAT_VERSION = 1;

  private static final String KEY_FORMAT = "format";
  private static final String KEY_VERSION = "formatVersion";
  private static final String KEY_MODEL = "embedder.modelId";
  private static final String KEY_DIMENSION = "embedder.dimension";

  /** The manifest this code writes for {@code embedder}. */
  static StoreManifest current(EmbedderInfo embedder) {
    return new StoreManifest(FORMAT, FORMAT_VERSION, embedder.modelId(), embedder.dimension());
  }

  StoreInfo info() {
    return new StoreInfo(format, formatVersion, new EmbedderInfo(modelId, dimension));
  }

  /** The manifest in {@code dataDir}, or null when there is none. */
  static StoreManifest read(Path dataDir) {
    Properties properties = new Properties();
    Path file = dataDir.resolve(FILE_NAME);
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e, e);
    }
    Map<String, String> values = new HashMap<>();
    for (String name : properties.stringPropertyNames()) {
      values.put(name, properties.getProperty(name));
    }
    return fromMap(values, file.toString());
  }

  private static StoreManifest fromMap(Map<String, String> values, String source) {
    try {
      return new StoreManifest(required(values, KEY_FORMAT, source),
          Integer.parseInt(required(values, KEY_VERSION, source)),
          required(values, KEY_MODEL, source),
          Integer.parseInt(required(values, KEY_DIMENSION, source)));
    } catch (NumberFormatException e) {
      throw new StoreException(source + " is corrupt: " + e.getMessage(), e);
    }
  }

  Map<String, String> toMap() {
    return Map.of(KEY_FORMAT, format, KEY_VERSION, Integer.toString(formatVersion),
        KEY_MODEL, modelId, KEY_DIMENSION, Integer.toString(dimension));
  }

  /**
   * Writes this manifest to {@code dataDir} atomically: a temp file, fsync, an atomic rename, and
   * an fsync of the directory, so a crash leaves either no manifest or a whole one.
   */
  void write(Path dataDir) throws IOException {
    Properties properties = new Properties();
    properties.putAll(toMap());
    Path temp = dataDir.resolve(TEMP_NAME);
    try (OutputStream out = Files.newOutputStream(temp)) {
      properties.store(out, "Engram store manifest: written once on creation, checked on open");
    }
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(temp, dataDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
    IOUtils.fsync(dataDir, true);
  }

  /**
   * Throws unless a store written with this manifest can be used by a caller expecting
   * {@code requested}.
   */
  void requireCompatible(StoreManifest requested, Path dataDir) {
    if (!format.equals(requested.format) || formatVersion != requested.formatVersion) {
      throw new StoreException("store " + dataDir + ": format mismatch: store=" + format + "/"
          + formatVersion + ", supported=" + requested.format + "/" + requested.formatVersion);
    }
    if (!modelId.equals(requested.modelId) || dimension != requested.dimension) {
      throw new StoreException("store " + dataDir + ": embedder mismatch: store=" + modelId + "/"
          + dimension + ", requested=" + requested.modelId + "/" + requested.dimension);
    }
  }

  /** Throws unless a commit's user data (empty for a new index) agrees with this manifest. */
  void requireSameCommitData(Map<String, String> commitData, Path dataDir) {
    if (!commitData.isEmpty() && !commitData.equals(toMap())) {
      throw new StoreException("store " + dataDir + ": the index was written with " + commitData
          + " but " + FILE_NAME + " says " + toMap() + "; refusing to use it");
    }
  }

  private static String required(Map<String, String> values, String key, String source) {
    String value = values.get(key);
    if (value == null || value.isBlank()) {
      throw new StoreException(source + " is corrupt: no '" + key + "'");
    }
    return value.strip();
  }
}
