package dev.engram.bench;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with rate and ETA on standard error: redrawn in place on a terminal, a line every
 * few seconds when output is redirected (logs of long runs), nothing when quiet.
 */
final class BenchProgress implements AutoCloseable {
  private final ProgressBar bar;

  private BenchProgress(ProgressBar bar) {
    this.bar = bar;
  }

  static BenchProgress start(String task, long total, boolean quiet) {
    if (quiet) {
      return new BenchProgress(null);
    }
    PrintStream err = System.err;
    boolean terminal = System.console() != null;
    ProgressBarBuilder builder = new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(total)
        .setUnit(" questions", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .showSpeed()
        .setUpdateIntervalMillis(terminal ? 500 : 15_000)
        .setConsumer(terminal
            ? new ConsoleProgressBarConsumer(err)
            : new DelegatingProgressBarConsumer(err::println));
    return new BenchProgress(builder.build());
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
