package dev.engram.bench.synthetic;

import dev.engram.model.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Needle-Threading chain: keys k0 -> k1 -> ... -> kL, each link a sentence of its own
 * ("The thread at k0 continues to k1."). Followed forward from k0 or backward from kL.
 *
 * @param id unique within a run
 * @param keys at least two distinct keys of lower-case hex digits; links = keys - 1
 */
record NeedleThread(String id, List<String> keys) {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}");

  NeedleThread {
    Require.nonBlank(id, "id");
    keys = List.copyOf(keys);
    if (keys.size() < 2) {
      throw new IllegalArgumentException("a thread needs at least 2 keys, was " + keys.size());
    }
    for (String key : keys) {
      if (!KEY.matcher(key).matches()) {
        throw new IllegalArgumentException("thread key must be 8 hex digits, was '" + key + "'");
      }
    }
  }

  /** The link sentence from {@code from} to {@code to}. */
  static String link(String from, String to) {
    return "The thread at " + from + " continues to " + to + ".";
  }

  /** The link sentences, in thread order. */
  List<String> links() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < keys.size(); i++) {
      out.add(link(keys.get(i), keys.get(i + 1)));
    }
    return out;
  }

  /** Number of links. */
  int length() {
    return keys.size() - 1;
  }
}
