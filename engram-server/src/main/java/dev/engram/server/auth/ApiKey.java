package dev.engram.server.auth;

import dev.engram.model.Require;
import java.time.Instant;

/**
 * One tenant API key as stored: never the key itself, only a salted SHA-256 hash of its secret.
 *
 * @param id the public key id (the {@code egk_<id>_} prefix of the key), 12 lower-case hex chars
 * @param tenant the tenant every request with this key is scoped to
 * @param name a label for people, e.g. {@code "billing-service"}; may be empty, never null
 * @param salt 16 random bytes, base64
 * @param hash SHA-256 of salt then secret, base64
 * @param created when it was issued
 * @param revoked when it was revoked, or null while it is valid
 */
public record ApiKey(
    String id, String tenant, String name, String salt, String hash, Instant created,
    Instant revoked) {
  public ApiKey {
    if (id == null || !id.matches("[0-9a-f]{12}")) {
      throw new IllegalArgumentException("id must be 12 lower-case hex characters, was " + id);
    }
    Require.identifier(tenant, "tenant");
    Require.nonNull(name, "name");
    Require.nonBlank(salt, "salt");
    Require.nonBlank(hash, "hash");
    Require.nonNull(created, "created");
  }

  /** Whether the key still authenticates. */
  public boolean active() {
    return revoked == null;
  }

  /** This key, revoked at {@code when}. */
  public ApiKey revokedAt(Instant when) {
    return new ApiKey(id, tenant, name, salt, hash, created, Require.nonNull(when, "when"));
  }
}
