package dev.engram;

/** Base of Engram's unchecked exceptions; the message always names the problem. */
public class EngramException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EngramException(String message) {
    super(message);
  }

  public EngramException(String message, Throwable cause) {
    super(message, cause);
  }
}
