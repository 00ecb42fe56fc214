package dev.engram.server.auth;

import dev.engram.model.Require;

/**
 * A key just created: the stored record and the secret key text, shown to the caller once and
 * never stored.
 *
 * @param key the stored record
 * @param secret the full key to send as {@code Authorization: Bearer <secret>}
 */
public record IssuedKey(ApiKey key, String secret) {
  public IssuedKey {
    Require.nonNull(key, "key");
    Require.nonBlank(secret, "secret");
  }

  @Override
  public String toString() {
    return "IssuedKey[id=" + key.id() + ", tenant=" + key.tenant() + ", secret=<hidden>]";
  }
}
