package dev.engram.model;

/** Argument checks whose messages name the argument and the value found. */
public final class Require {
  private Require() {}

  /** Returns {@code value} if it is non-null and not blank, else throws naming {@code name}. */
  public static String nonBlank(String value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /** Returns {@code value} if it is non-null, else throws naming {@code name}. */
  public static <T> T nonNull(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  /** Returns {@code value} if it lies in [min, max], else throws naming both bounds. */
  public static int inRange(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "], was " + value);
    }
    return value;
  }

  /** Returns {@code value} if it is at least zero. */
  public static long nonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} if it is a usable identifier: non-blank, at most 256 characters, no
   * control characters. Identifiers become index terms and file-free keys, so this keeps path
   * tricks and invisible characters out.
   */
  public static String identifier(String value, String name) {
    nonBlank(value, name);
    if (value.length() > 256) {
      throw new IllegalArgumentException(
          name + " must be at most 256 characters, was " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(name + " must not contain control characters");
      }
    }
    return value;
  }
}
