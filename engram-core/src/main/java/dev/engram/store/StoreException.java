package dev.engram.store;

import dev.engram.EngramException;

/**
 * A store cannot be opened or used: not an Engram store, written by another format version or
 * embedder, locked by another process, or an I/O failure. Stored memory is never changed by the
 * operation that throws it.
 */
public class StoreException extends EngramException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
