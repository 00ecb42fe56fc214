package dev.engram.openai.testing;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure {@link FakeOpenAiServer} serves instead of a normal reply, once, to the next request
 * of the queue it was enqueued on.
 */
public sealed interface Fault {

  /** Answers with this HTTP status and an OpenAI-style {@code {"error": {...}}} body. */
  static Fault status(int code) {
    return new Status(code);
  }

  /** Answers 200 with a body that is not valid JSON (for streams: a {@code data:} line). */
  static Fault malformedJson() {
    return new MalformedJson();
  }

  /**
   * Starts the reply, then drops the connection mid-body: a stream stops after its first
   * content chunk, without {@code [DONE]}; a plain reply stops short of its Content-Length.
   */
  static Fault cutStream() {
    return new CutStream();
  }

  /**
   * Waits this long (or until the server closes) before replying normally; for client
   * timeout tests.
   */
  static Fault delay(Duration delay) {
    return new Delay(delay);
  }

  /** See {@link #status(int)}. */
  record Status(int code) implements Fault {
    public Status {
      if (code < 100 || code > 599) {
        throw new IllegalArgumentException("code must be an HTTP status in [100, 599], was " + code);
      }
    }
  }

  /** See {@link #malformedJson()}. */
  record MalformedJson() implements Fault {}

  /** See {@link #cutStream()}. */
  record CutStream() implements Fault {}

  /** See {@link #delay(Duration)}. */
  record Delay(Duration delay) implements Fault {
    public Delay {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative, was " + delay);
      }
    }
  }
}
