package dev.engram.server.auth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.engram.EngramException;
import dev.engram.model.Require;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The tenant API keys of one data directory, in {@value #FILE_NAME}.
 *
 * <p>Writes (create, revoke) take an exclusive lock on {@value #LOCK_NAME} and replace the file
 * atomically, so several processes (a running server and the CLI) can share it. Reads go through
 * {@link #authenticate}, which re-reads the file whenever its modification time or size changed.
 *
 * <p>Thread-safe.
 */
public final class ApiKeyStore {
  /** The key file inside the data directory. */
  public static final String FILE_NAME = "server-keys.json";
  static final String LOCK_NAME = "server-keys.lock";
  private static final String PREFIX = "egk_";
  private static final int SECRET_BYTES = 32;
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private final Path file;
  private final Path lockFile;
  private final Clock clock;
  private final SecureRandom random;
  private final ObjectMapper json = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT);
  private volatile Snapshot snapshot = new Snapshot(null, -1, List.of());

  /**
   * The key store of {@code dataDir} (the file need not exist yet).
   *
   * @param clock stamps creation and revocation times
   * @param random source of salts, ids and secrets; a {@link SecureRandom}
   */
  public ApiKeyStore(Path dataDir, Clock clock, SecureRandom random) {
    Require.nonNull(dataDir, "dataDir");
    this.file = dataDir.resolve(FILE_NAME);
    this.lockFile = dataDir.resolve(LOCK_NAME);
    this.clock = Require.nonNull(clock, "clock");
    this.random = Require.nonNull(random, "random");
  }

  /** A store with the system clock and a strong random source. */
  public static ApiKeyStore in(Path dataDir) {
    return new ApiKeyStore(dataDir, Clock.systemUTC(), new SecureRandom());
  }

  /**
   * Issues a new key for {@code tenant}.
   *
   * @throws IllegalArgumentException if the tenant is not a valid identifier
   * @throws EngramException if the key file cannot be written
   */
  public IssuedKey create(String tenant, String name) {
    Require.identifier(tenant, "tenant");
    byte[] salt = bytes(16);
    byte[] secret = bytes(SECRET_BYTES);
    String id = HexFormat.of().formatHex(bytes(6));
    String secretText = B64URL.encodeToString(secret);
    ApiKey key = new ApiKey(id, tenant, name == null ? "" : name,
        Base64.getEncoder().encodeToString(salt), hash(salt, secretText), clock.instant(), null);
    update(keys -> {
      List<ApiKey> next = new ArrayList<>(keys);
      next.add(key);
      return next;
    });
    return new IssuedKey(key, PREFIX + id + "_" + secretText);
  }

  /**
   * Revokes the key with this id.
   *
   * @return true if it existed and was active
   */
  public boolean revoke(String id) {
    boolean[] changed = {false};
    update(keys -> keys.stream().map(k -> {
      if (k.id().equals(id) && k.active()) {
        changed[0] = true;
        return k.revokedAt(clock.instant());
      }
      return k;
    }).toList());
    return changed[0];
  }

  /** Every key, active and revoked, in creation order. */
  public List<ApiKey> list() {
    return current();
  }

  /**
   * The active key whose secret is {@code presented}, or empty for a malformed, unknown, forged or
   * revoked key. Compares hashes in constant time.
   */
  public Optional<ApiKey> authenticate(String presented) {
    if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
      return Optional.empty();
    }
    int split = presented.indexOf('_', PREFIX.length());
    if (split < 0) {
      return Optional.empty();
    }
    String id = presented.substring(PREFIX.length(), split);
    String secret = presented.substring(split + 1);
    for (ApiKey key : current()) {
      if (key.id().equals(id)) {
        byte[] expected = key.hash().getBytes(StandardCharsets.US_ASCII);
        byte[] actual = hash(Base64.getDecoder().decode(key.salt()), secret)
            .getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual) && key.active()
            ? Optional.of(key) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private List<ApiKey> current() {
    try {
      if (!Files.exists(file)) {
        return List.of();
      }
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      Snapshot seen = snapshot;
      if (attributes.lastModifiedTime().equals(seen.modified) && attributes.size() == seen.size) {
        return seen.keys;
      }
      List<ApiKey> keys = read();
      snapshot = new Snapshot(attributes.lastModifiedTime(), attributes.size(), keys);
      return keys;
    } catch (IOException e) {
      throw new EngramException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private List<ApiKey> read() throws IOException {
    KeyFile parsed = json.readValue(file.toFile(), KeyFile.class);
    if (!KeyFile.FORMAT.equals(parsed.format()) || parsed.version() != KeyFile.VERSION) {
      throw new EngramException(file + " is not an Engram key file of version " + KeyFile.VERSION
          + " (format=" + parsed.format() + ", version=" + parsed.version() + ")");
    }
    return parsed.keys().stream().map(StoredKey::toKey).toList();
  }

  @SuppressWarnings("try") // the lock is held for the block's duration, never referenced
  private synchronized void update(UnaryOperator<List<ApiKey>> change) {
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel lock = FileChannel.open(lockFile, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock held = lock.lock()) {
        List<ApiKey> keys = Files.exists(file) ? read() : List.of();
        write(change.apply(keys));
      }
    } catch (IOException e) {
      throw new EngramException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private void write(List<ApiKey> keys) throws IOException {
    Path temp = file.resolveSibling(FILE_NAME + ".tmp");
    byte[] bytes = json.writeValueAsBytes(new KeyFile(KeyFile.FORMAT, KeyFile.VERSION,
        keys.stream().map(StoredKey::of).toList()));
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private byte[] bytes(int count) {
    byte[] out = new byte[count];
    random.nextBytes(out);
    return out;
  }

  private static String hash(byte[] salt, String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(secret.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private record Snapshot(FileTime modified, long size, List<ApiKey> keys) {}

  /** The file's JSON shape. */
  record KeyFile(String format, int version, List<StoredKey> keys) {
    static final String FORMAT = "engram-server-keys";
    static final int VERSION = 1;
  }

  /** One key as written: times as ISO-8601 text. */
  record StoredKey(String id, String tenant, String name, String salt, String hash, String created,
      String revoked) {
    static StoredKey of(ApiKey key) {
      return new StoredKey(key.id(), key.tenant(), key.name(), key.salt(), key.hash(),
          key.created().toString(), key.revoked() == null ? null : key.revoked().toString());
    }

    ApiKey toKey() {
      return new ApiKey(id, tenant, name, salt, hash, Instant.parse(created),
          revoked == null ? null : Instant.parse(revoked));
    }
  }
}
