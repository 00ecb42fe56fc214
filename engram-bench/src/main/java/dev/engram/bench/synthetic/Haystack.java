package dev.engram.bench.synthetic;

import dev.engram.bench.synthetic.Filler.Unit;
import dev.engram.model.TokenEstimate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Filler text with planted sentences. A plant at depth {@code d} goes in at the sentence boundary
 * nearest to {@code d} of the filler's characters (0 = before the first sentence, 1 = after the
 * last), so it lands within one sentence of the requested depth. Several plants may share a
 * haystack; each keeps its own depth measured on the filler alone. Immutable.
 */
final class Haystack {
  private final List<String> pieces;
  private final List<Planted> planted;
  private final long chars;

  private Haystack(List<String> pieces, List<Planted> planted) {
    this.pieces = List.copyOf(pieces);
    this.planted = List.copyOf(planted);
    this.chars = pieces.stream().mapToLong(String::length).sum();
  }

  /**
   * A sentence to plant.
   *
   * @param id names it in results
   * @param text one sentence
   * @param depth where, as a fraction of the filler's characters, in [0, 1]
   */
  record Plant(String id, String text, double depth) {
    Plant {
      if (!(depth >= 0 && depth <= 1)) {
        throw new IllegalArgumentException("depth must be in [0, 1], was " + depth);
      }
    }
  }

  /**
   * Where a plant ended up.
   *
   * @param id the plant's id
   * @param text the planted sentence
   * @param depth the requested depth
   * @param fillerIndex how many filler sentences precede it
   * @param actualDepth filler characters before it / all filler characters
   * @param charOffset where it starts in {@link #text()}
   */
  record Planted(String id, String text, double depth, int fillerIndex, double actualDepth,
      long charOffset) {}

  /** Plants {@code plants} into {@code filler}; plants at the same boundary keep their order. */
  static Haystack plant(List<Unit> filler, List<Plant> plants) {
    long[] offsets = offsets(filler);
    long total = offsets[filler.size()];
    List<int[]> at = new ArrayList<>();
    for (int i = 0; i < plants.size(); i++) {
      at.add(new int[] {boundary(offsets, plants.get(i).depth() * total), i});
    }
    at.sort(Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> a[1]));
    List<String> pieces = new ArrayList<>();
    List<Planted> planted = new ArrayList<>();
    long written = 0;
    int next = 0;
    for (int u = 0; u <= filler.size(); u++) {
      while (next < at.size() && at.get(next)[0] == u) {
        Plant plant = plants.get(at.get(next++)[1]);
        planted.add(new Planted(plant.id(), plant.text(), plant.depth(), u,
            total == 0 ? 0 : (double) offsets[u] / total, written));
        pieces.add(plant.text() + " ");
        written += plant.text().length() + 1;
      }
      if (u < filler.size()) {
        Unit unit = filler.get(u);
        pieces.add(unit.text() + unit.separator());
        written += unit.length();
      }
    }
    return new Haystack(pieces, planted);
  }

  private static long[] offsets(List<Unit> filler) {
    long[] offsets = new long[filler.size() + 1];
    for (int i = 0; i < filler.size(); i++) {
      offsets[i + 1] = offsets[i] + filler.get(i).length();
    }
    return offsets;
  }

  /** The boundary index whose offset is nearest to {@code target} (ties go to the earlier one). */
  private static int boundary(long[] offsets, double target) {
    int lo = 0;
    int hi = offsets.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (offsets[mid] < target) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo > 0 && target - offsets[lo - 1] <= offsets[lo] - target ? lo - 1 : lo;
  }

  /** The whole text. */
  String text() {
    return String.join("", pieces).strip();
  }

  /** The text cut at sentence boundaries into parts of at most about {@code maxChars}. */
  List<String> parts(int maxChars) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (String piece : pieces) {
      if (part.length() > 0 && part.length() + piece.length() > maxChars) {
        addPart(parts, part);
      }
      part.append(piece);
    }
    addPart(parts, part);
    return parts;
  }

  private static void addPart(List<String> parts, StringBuilder part) {
    if (!part.toString().isBlank()) {
      parts.add(part.toString().strip());
    }
    part.setLength(0);
  }

  /** Where each plant went, in text order. */
  List<Planted> planted() {
    return planted;
  }

  /** Characters of the text (separators included). */
  long chars() {
    return chars;
  }

  /** Approximate tokens, at {@link TokenEstimate}'s four characters a token. */
  long tokens() {
    return (chars + 3) / 4;
  }
}
