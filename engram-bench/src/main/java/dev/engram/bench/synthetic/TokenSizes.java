package dev.engram.bench.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Haystack sizes in approximate tokens, written {@code 1k}, {@code 256k}, {@code 1M} or plain
 * numbers (k = 1,000; M = 1,000,000). Sizes are targets: a haystack holds that many estimated
 * tokens (characters / 4), within one sentence.
 */
final class TokenSizes {
  /** Largest accepted size: 16M tokens (64M characters, the largest document). */
  static final int MAX = 16_000_000;

  private TokenSizes() {}

  /** Parses a comma-separated list such as {@code 1k,4k,16k}. */
  static List<Integer> parse(String list) {
    List<Integer> sizes = new ArrayList<>();
    for (String part : list.split(",")) {
      sizes.add(parseOne(part.strip()));
    }
    return List.copyOf(sizes);
  }

  static int parseOne(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    long factor = lower.endsWith("k") ? 1_000 : lower.endsWith("m") ? 1_000_000 : 1;
    String digits = factor == 1 ? lower : lower.substring(0, lower.length() - 1);
    long value;
    try {
      value = Long.parseLong(digits) * factor;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("size must look like 4k, 1M or 5000, was '" + text + "'");
    }
    if (value < 100 || value > MAX) {
      throw new IllegalArgumentException(
          "size must be in [100, " + MAX + "] tokens, was '" + text + "'");
    }
    return (int) value;
  }

  /** {@code 1000 -> "1k"}, {@code 1000000 -> "1M"}, others as digits. */
  static String label(int tokens) {
    if (tokens % 1_000_000 == 0) {
      return tokens / 1_000_000 + "M";
    }
    return tokens % 1_000 == 0 ? tokens / 1_000 + "k" : Integer.toString(tokens);
  }

  /** Parses a comma-separated list of integers in [min, max]. */
  static List<Integer> ints(String list, int min, int max, String name) {
    List<Integer> out = new ArrayList<>();
    for (String part : list.split(",")) {
      int value;
      try {
        value = Integer.parseInt(part.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be integers, was '" + part + "'");
      }
      if (value < min || value > max) {
        throw new IllegalArgumentException(
            name + " must be in [" + min + ", " + max + "], was " + value);
      }
      out.add(value);
    }
    return List.copyOf(out);
  }
}
