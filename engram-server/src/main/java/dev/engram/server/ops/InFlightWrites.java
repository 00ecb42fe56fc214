package dev.engram.server.ops;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Counts writes in progress so shutdown can let them finish: after {@link #drain} starts, new
 * writes are refused with {@link DrainingException} and {@code drain} returns when the running
 * ones are done (or the timeout passes).
 *
 * <p>Thread-safe.
 */
public final class InFlightWrites {
  private int running;
  private boolean draining;

  /** Thrown by {@link #run} once the server is shutting down. */
  public static final class DrainingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DrainingException() {
      super("the server is shutting down; retry against another instance");
    }
  }

  /**
   * Runs one write, unless the server is draining.
   *
   * @throws DrainingException if {@link #drain} has begun
   */
  public <T> T run(Supplier<T> write) {
    synchronized (this) {
      if (draining) {
        throw new DrainingException();
      }
      running++;
    }
    try {
      return write.get();
    } finally {
      synchronized (this) {
        running--;
        notifyAll();
      }
    }
  }

  /** Whether {@link #drain} has begun. */
  public synchronized boolean draining() {
    return draining;
  }

  /** The number of writes running now. */
  public synchronized int running() {
    return running;
  }

  /**
   * Refuses new writes and waits for the running ones.
   *
   * @return true when every write finished within {@code timeout}
   */
  public synchronized boolean drain(Duration timeout) throws InterruptedException {
    draining = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (running > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
