/**
 * The server's commands for the {@code engram} command line: {@code engram serve}
 * ({@link dev.engram.server.cli.ServeCommand}) and {@code engram keys create|list|revoke}
 * ({@link dev.engram.server.cli.KeysCommand}). They live here so the CLI module only lists them.
 */
package dev.engram.server.cli;
