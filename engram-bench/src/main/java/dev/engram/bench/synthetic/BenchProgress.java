package dev.engram.bench.synthetic;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with rate and ETA on standard error: redrawn in place on a terminal, a line every
 * ten seconds when output is redirected (logs of background runs), nothing when quiet. The same
 * pattern as the CLI's; a copy because that one is package-private in another module.
 */
final class BenchProgress implements AutoCloseable {
  private final ProgressBar bar;

  private BenchProgress(ProgressBar bar) {
    this.bar = bar;
  }

  /** A bar for {@code total} units of {@code unit}; a silent one when {@code quiet}. */
  static BenchProgress start(String task, long total, String unit, boolean quiet) {
    if (quiet) {
      return new BenchProgress(null);
    }
    boolean terminal = System.console() != null;
    ProgressBarBuilder builder = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setUnit(" " + unit, 1)
        .setStyle(ProgressBarStyle.ASCII)
        .showSpeed()
        .setUpdateIntervalMillis(terminal ? 200 : 10_000)
        .setConsumer(terminal
            ? new ConsoleProgressBarConsumer(System.err)
            : new DelegatingProgressBarConsumer(System.err::println));
    return new BenchProgress(builder.build());
  }

  /** A bar that shows nothing. */
  static BenchProgress silent() {
    return new BenchProgress(null);
  }

  void step(long n) {
    if (bar != null) {
      bar.stepBy(n);
    }
  }

  void message(String text) {
    if (bar != null) {
      bar.setExtraMessage(text);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
