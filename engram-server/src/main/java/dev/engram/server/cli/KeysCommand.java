package dev.engram.server.cli;

import dev.engram.Engram;
import dev.engram.server.auth.ApiKey;
import dev.engram.server.auth.ApiKeyStore;
import dev.engram.server.auth.IssuedKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code engram keys create|list|revoke}: manages the tenant API keys in the data directory's key
 * file. Safe while a server runs on the same directory; the server sees changes on the next
 * request.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "Create, list and revoke the server's tenant API keys.",
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
public final class KeysCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
      defaultValue = "${env:ENGRAM_DATA_DIR:-engram-data}",
      description = "Memory store directory (env ENGRAM_DATA_DIR, default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  ApiKeyStore keys() {
    return ApiKeyStore.in(dataDir);
  }

  /** {@code engram keys create --tenant T}: prints the new key once. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create an API key for a tenant and print it (it is shown only this once).")
  static final class Create implements Callable<Integer> {
    @ParentCommand KeysCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--tenant", required = true, paramLabel = "NAME",
        description = "The tenant the key gives access to.")
    String tenant;

    @Option(names = "--name", paramLabel = "LABEL", defaultValue = "",
        description = "A label for people, e.g. the service that uses it.")
    String name;

    @Override
    public Integer call() {
      ensureStore(parent.dataDir);
      IssuedKey issued = parent.keys().create(tenant, name);
      PrintWriter out = spec.commandLine().getOut();
      out.println(issued.secret());
      out.flush();
      spec.commandLine().getErr().printf("engram: created key %s for tenant %s (store it now; "
          + "only its hash is kept)%n", issued.key().id(), tenant);
      return 0;
    }
  }

  /** {@code engram keys list}: ids, tenants, labels, states; never secrets. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the keys: id, tenant, created, state, label.")
  static final class ListKeys implements Callable<Integer> {
    @ParentCommand KeysCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (ApiKey key : parent.keys().list()) {
        out.printf("%s  %-20s  %s  %-7s  %s%n", key.id(), key.tenant(), key.created(),
            key.active() ? "active" : "revoked", key.name());
      }
      out.flush();
      return 0;
    }
  }

  /** {@code engram keys revoke ID}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke a key by id; requests with it get 401 from then on.")
  static final class Revoke implements Callable<Integer> {
    @ParentCommand KeysCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The key id (the 12 hex characters after egk_).")
    String id;

    @Override
    public Integer call() {
      if (!parent.keys().revoke(id)) {
        spec.commandLine().getErr().printf("engram: error: no active key with id %s%n", id);
        return 1;
      }
      spec.commandLine().getOut().printf("revoked %s%n", id);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /**
   * Creates the store when the directory is absent or empty, so the key file never makes a
   * directory that the store would refuse as "not an Engram store".
   */
  static void ensureStore(Path dataDir) {
    try {
      boolean empty = !Files.exists(dataDir);
      if (!empty) {
        try (Stream<Path> entries = Files.list(dataDir)) {
          empty = entries.findAny().isEmpty();
        }
      }
      if (empty) {
        Engram.open(dataDir).close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
