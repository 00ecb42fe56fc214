package dev.engram.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with rate and ETA on standard error: redrawn in place on a terminal, a line every
 * few seconds when output is redirected (CI logs), nothing when quiet.
 */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  private Progress(ProgressBar bar) {
    this.bar = bar;
  }

  static Progress start(String task, long total, String unit, boolean quiet) {
    if (quiet) {
      return new Progress(null);
    }
    PrintStream err = System.err;
    ProgressBarBuilder builder = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setUnit(" " + unit, 1)
        .setStyle(ProgressBarStyle.ASCII)
        .showSpeed()
        .setUpdateIntervalMillis(System.console() != null ? 200 : 5000);
    builder.setConsumer(System.console() != null
        ? new ConsoleProgressBarConsumer(err)
        : new DelegatingProgressBarConsumer(err::println));
    return new Progress(builder.build());
  }

  void step(long n) {
    if (bar != null) {
      bar.stepBy(n);
    }
  }

  void addToTotal(long n) {
    if (bar != null) {
      bar.maxHint(bar.getMax() + n);
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
