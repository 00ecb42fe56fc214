package dev.engram.server.ops;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured log lines, one event per line as {@code key=value} pairs ({@code ts=... event=...}),
 * values quoted when they contain spaces or quotes. Callers pass only non-secret fields: key ids,
 * never keys; routes, never bodies.
 *
 * <p>Thread-safe (each line is one {@code println}).
 */
public final class AccessLog {
  private final PrintStream out;
  private final Clock clock;

  public AccessLog(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  /** Logs {@code event} with alternating keys and values. */
  public void log(String event, Object... keyValues) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      fields.put(String.valueOf(keyValues[i]), keyValues[i + 1]);
    }
    StringBuilder line = new StringBuilder(128);
    line.append("ts=").append(clock.instant()).append(" event=").append(event);
    fields.forEach((k, v) -> {
      if (v != null) {
        line.append(' ').append(k).append('=').append(quote(String.valueOf(v)));
      }
    });
    out.println(line);
  }

  private static String quote(String value) {
    if (!value.isEmpty() && value.chars().noneMatch(c -> c == ' ' || c == '"' || c == '='
        || Character.isISOControl(c))) {
      return value;
    }
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (Character.isISOControl(c)) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
