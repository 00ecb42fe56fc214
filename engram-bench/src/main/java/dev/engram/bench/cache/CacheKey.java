package dev.engram.bench.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A 256-bit SHA-256 key held as four longs (a compact, cheap-to-hash map key; a byte array would
 * need a wrapper anyway).
 */
record CacheKey(long a, long b, long c, long d) {
  /** Bytes of a key on disk. */
  static final int BYTES = 32;

  /** The key of {@code text} embedded by {@code modelId} as a passage or a query. */
  static CacheKey of(String modelId, boolean query, String text) {
    MessageDigest sha = sha256();
    sha.update(modelId.getBytes(StandardCharsets.UTF_8));
    // Separators keep ("ab", "c") and ("a", "bc") apart; the kind keeps query vectors apart from
    // passage vectors, since a model may embed the two differently.
    sha.update((byte) 0);
    sha.update(query ? (byte) 'q' : (byte) 'p');
    sha.update((byte) 0);
    sha.update(text.getBytes(StandardCharsets.UTF_8));
    return read(ByteBuffer.wrap(sha.digest()));
  }

  /** Reads a key from the next 32 bytes of {@code buffer}. */
  static CacheKey read(ByteBuffer buffer) {
    return new CacheKey(buffer.getLong(), buffer.getLong(), buffer.getLong(), buffer.getLong());
  }

  /** Writes this key as 32 bytes into {@code buffer}. */
  void write(ByteBuffer buffer) {
    buffer.putLong(a).putLong(b).putLong(c).putLong(d);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
