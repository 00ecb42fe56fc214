package dev.engram.store;

/** Another writer (usually another process) holds the store's write lock. */
public final class StoreLockedException extends StoreException {
  private static final long serialVersionUID = 1L;

  public StoreLockedException(String message, Throwable cause) {
    super(message, cause);
  }
}
