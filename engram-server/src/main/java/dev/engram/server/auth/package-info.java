/**
 * Tenant API keys. A key is {@code egk_<id>_<secret>}: the 12-hex-character id is public and
 * names the record, the 32-byte random secret is shown once at creation and stored only as
 * SHA-256(salt || secret). {@link dev.engram.server.auth.ApiKeyStore} keeps the records in
 * {@code server-keys.json} inside the data directory, rewritten atomically (temp file, fsync,
 * atomic rename) under a file lock, so the CLI can create and revoke keys while a server runs; the
 * server re-reads the file when it changes, so a revoked key stops working on the next request.
 *
 * <p>Each key belongs to exactly one tenant; authentication yields that tenant and nothing else,
 * and the server scopes every memory operation of the request to it.
 */
package dev.engram.server.auth;
