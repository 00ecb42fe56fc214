package dev.engram.openai;

import dev.engram.EngramException;

/**
 * A call to an OpenAI-compatible endpoint failed. The message names the endpoint URL and, when
 * the server answered, the HTTP status; it never contains the API key.
 */
public final class OpenAiException extends EngramException {
  private static final long serialVersionUID = 1L;

  /** {@link #status()} when no HTTP status was received (unreachable, timeout, cut stream). */
  public static final int NO_STATUS = 0;

  private final String endpoint;
  private final int status;

  OpenAiException(String endpoint, int status, String message, Throwable cause) {
    super(message, cause);
    this.endpoint = endpoint;
    this.status = status;
  }

  /** The URL that was called. */
  public String endpoint() {
    return endpoint;
  }

  /** The HTTP status the server answered with, or {@link #NO_STATUS}. */
  public int status() {
    return status;
  }
}
