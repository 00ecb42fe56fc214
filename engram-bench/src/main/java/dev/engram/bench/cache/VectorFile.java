package dev.engram.bench.cache;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The on-disk form of the cache: a header (magic {@code EGVC}, format version, model id, dimension)
 * then fixed-size records of a 32-byte key and {@code dimension} big-endian floats, appended in
 * order. A crash can only tear the last record; on open it is ignored and cut off, so the next
 * append starts on a record boundary. One writer at a time, enforced with a file lock; a second
 * process gets the vectors read-only. Not thread-safe: {@link CachingEmbedder} serialises calls.
 */
final class VectorFile implements AutoCloseable {
  static final int MAGIC = 0x45475643; // "EGVC"
  static final int VERSION = 1;

  private final Path path;
  private final int dimension;
  private final FileChannel channel;
  private final FileLock lock;

  private VectorFile(Path path, int dimension, FileChannel channel, FileLock lock) {
    this.path = path;
    this.dimension = dimension;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Opens (creating if needed) the file and loads every whole record into {@code into}.
   *
   * @throws IllegalStateException if the file was written for another model or dimension, or is
   *     not a vector cache
   * @throws UncheckedIOException if it cannot be read or created
   */
  static VectorFile open(Path path, String modelId, int dimension, Map<CacheKey, float[]> into) {
    try {
      Files.createDirectories(path.toAbsolutePath().getParent());
      FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      try {
        long headerBytes = 14L + modelId.getBytes(StandardCharsets.UTF_8).length;
        if (lock != null && channel.size() < headerBytes) {
          // New, or a crash tore the header before any record was written: start afresh.
          channel.truncate(0);
          writeHeader(channel, modelId, dimension);
        }
        if (lock == null) {
          if (channel.size() >= headerBytes) {
            load(path, channel, modelId, dimension, into);
          }
          channel.close();
          return new VectorFile(path, dimension, null, null);
        }
        long end = load(path, channel, modelId, dimension, into);
        channel.truncate(end);
        channel.position(end);
        return new VectorFile(path, dimension, channel, lock);
      } catch (RuntimeException | IOException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open embedding cache " + path + ": " + e.getMessage(), e);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // this JVM already writes the file through another cache instance
    }
  }

  /** Whether appends reach the disk (false: another process holds the file). */
  boolean writable() {
    return channel != null;
  }

  /** Appends records; a no-op when not {@link #writable()}. */
  void append(CacheKey[] keys, float[][] vectors) {
    if (channel == null || keys.length == 0) {
      return;
    }
    ByteBuffer buffer = ByteBuffer.allocate(keys.length * recordBytes(dimension));
    for (int i = 0; i < keys.length; i++) {
      keys[i].write(buffer);
      for (float value : vectors[i]) {
        buffer.putFloat(value);
      }
    }
    buffer.flip();
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to embedding cache " + path, e);
    }
  }

  @Override
  public void close() {
    if (channel == null) {
      return;
    }
    try (FileChannel c = channel) {
      c.force(false);
      lock.release();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close embedding cache " + path, e);
    }
  }

  static int recordBytes(int dimension) {
    return CacheKey.BYTES + 4 * dimension;
  }

  private static void writeHeader(FileChannel channel, String modelId, int dimension)
      throws IOException {
    byte[] model = modelId.getBytes(StandardCharsets.UTF_8);
    ByteBuffer header = ByteBuffer.allocate(14 + model.length);
    header.putInt(MAGIC).putInt(VERSION).putShort((short) model.length).put(model)
        .putInt(dimension);
    header.flip();
    long at = 0;
    while (header.hasRemaining()) {
      at += channel.write(header, at);
    }
  }

  /** Loads whole records; returns the offset just past the last one. */
  private static long load(Path path, FileChannel channel, String modelId, int dimension,
      Map<CacheKey, float[]> into) throws IOException {
    channel.position(0);
    InputStream raw = Channels.newInputStream(channel);
    DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
    long offset = readHeader(path, in, modelId, dimension);
    byte[] record = new byte[recordBytes(dimension)];
    ByteBuffer view = ByteBuffer.wrap(record);
    while (true) {
      try {
        in.readFully(record);
      } catch (EOFException torn) {
        return offset;
      }
      view.clear();
      CacheKey key = CacheKey.read(view);
      float[] vector = new float[dimension];
      view.asFloatBuffer().get(vector);
      into.put(key, vector);
      offset += record.length;
    }
  }

  private static long readHeader(Path path, DataInputStream in, String modelId, int dimension)
      throws IOException {
    try {
      if (in.readInt() != MAGIC) {
        throw new IllegalStateException(path + " is not an Engram embedding cache (bad magic)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalStateException(path + ": cache format version " + version
            + " is not supported (expected " + VERSION + "); delete the file to rebuild it");
      }
      byte[] model = new byte[in.readUnsignedShort()];
      in.readFully(model);
      int dim = in.readInt();
      String found = new String(model, StandardCharsets.UTF_8);
      if (!found.equals(modelId) || dim != dimension) {
        throw new IllegalStateException(path + " holds vectors of " + found + "/" + dim
            + ", expected " + modelId + "/" + dimension);
      }
      return 14L + model.length;
    } catch (EOFException e) {
      throw new IllegalStateException(
          path + " is not an Engram embedding cache (header cut short)", e);
    }
  }
}
