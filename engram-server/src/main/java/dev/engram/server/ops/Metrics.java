package dev.engram.server.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The server's metrics, exposed in the Prometheus text format (version 0.0.4) by
 * {@link #scrape()}: request latency per route, method and status; recall latency; errors per
 * code; and the number of stored items.
 *
 * <p>Thread-safe; recording is lock-free.
 */
public final class Metrics {
  /** Upper bounds of the latency buckets, in seconds. */
  static final double[] BOUNDS = {
      0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

  private final Map<String, Histogram> requests = new ConcurrentHashMap<>();
  private final Histogram recall = new Histogram();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongSupplier items;

  /** @param items reads the number of stored items at scrape time */
  public Metrics(LongSupplier items) {
    this.items = items;
  }

  /** Records one finished HTTP request. {@code route} is the matched path template. */
  public void request(String method, String route, int status, double seconds) {
    String labels = "method=\"" + method + "\",route=\"" + escape(route) + "\",status=\""
        + status + "\"";
    requests.computeIfAbsent(labels, k -> new Histogram()).observe(seconds);
  }

  /** Records one recall (REST search or ask, or the proxy's memory lookup). */
  public void recall(double seconds) {
    recall.observe(seconds);
  }

  /** Counts one error response by its error code. */
  public void error(String code) {
    errors.computeIfAbsent(code, k -> new LongAdder()).increment();
  }

  /** The exposition text. */
  public String scrape() {
    StringBuilder out = new StringBuilder(4096);
    out.append("# HELP engram_http_request_duration_seconds HTTP request latency.\n")
        .append("# TYPE engram_http_request_duration_seconds histogram\n");
    requests.forEach((labels, h) -> h.write(out, "engram_http_request_duration_seconds", labels));
    out.append("# HELP engram_recall_duration_seconds Memory recall latency.\n")
        .append("# TYPE engram_recall_duration_seconds histogram\n");
    recall.write(out, "engram_recall_duration_seconds", "");
    out.append("# HELP engram_errors_total Error responses by code.\n")
        .append("# TYPE engram_errors_total counter\n");
    errors.forEach((code, n) -> out.append("engram_errors_total{code=\"").append(escape(code))
        .append("\"} ").append(n.sum()).append('\n'));
    out.append("# HELP engram_items Memory items in the store (all tenants).\n")
        .append("# TYPE engram_items gauge\n")
        .append("engram_items ").append(items.getAsLong()).append('\n');
    return out.toString();
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static final class Histogram {
    final LongAdder[] buckets = new LongAdder[BOUNDS.length];
    final LongAdder count = new LongAdder();
    final DoubleAdder sum = new DoubleAdder();

    Histogram() {
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    void observe(double seconds) {
      for (int i = 0; i < BOUNDS.length; i++) {
        if (seconds <= BOUNDS[i]) {
          buckets[i].increment();
          break;
        }
      }
      count.increment();
      sum.add(seconds);
    }

    void write(StringBuilder out, String name, String labels) {
      String sep = labels.isEmpty() ? "" : ",";
      long cumulative = 0;
      for (int i = 0; i < BOUNDS.length; i++) {
        cumulative += buckets[i].sum();
        out.append(name).append("_bucket{").append(labels).append(sep).append("le=\"")
            .append(BOUNDS[i]).append("\"} ").append(cumulative).append('\n');
      }
      long total = count.sum();
      out.append(name).append("_bucket{").append(labels).append(sep).append("le=\"+Inf\"} ")
          .append(total).append('\n');
      String braces = labels.isEmpty() ? "" : "{" + labels + "}";
      out.append(name).append("_sum").append(braces).append(' ').append(sum.sum()).append('\n');
      out.append(name).append("_count").append(braces).append(' ').append(total).append('\n');
    }
  }
}
