package dev.engram.bench.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engram.bench.synthetic.Filler.Unit;
import dev.engram.bench.synthetic.Haystack.Plant;
import dev.engram.bench.synthetic.Haystack.Planted;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HaystackTest {
  private static List<Unit> filler(long seed, int units) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Unit> out = new ArrayList<>();
    for (int i = 0; i < units; i++) {
      out.add(new Unit("Sentence " + i + " " + "x".repeat(5 + random.nextInt(80)) + ".",
          random.nextInt(4) == 0));
    }
    return out;
  }

  @Test
  void eachNeedleLandsWithinOneSentenceOfItsDepth() {
    for (long seed = 1; seed <= 20; seed++) {
      List<Unit> filler = filler(seed, 200);
      long total = filler.stream().mapToLong(Unit::length).sum();
      int longest = filler.stream().mapToInt(Unit::length).max().orElseThrow();
      List<Plant> plants = new ArrayList<>();
      for (int depth = 0; depth <= 100; depth += 10) {
        plants.add(new Plant("d" + depth, "Needle at depth " + depth + ".", depth / 100.0));
      }
      Haystack haystack = Haystack.plant(filler, plants);

      for (Planted planted : haystack.planted()) {
        double target = planted.depth() * total;
        long fillerBefore = 0;
        for (int u = 0; u < planted.fillerIndex(); u++) {
          fillerBefore += filler.get(u).length();
        }
        assertThat(Math.abs(fillerBefore - target)).as("seed %d, %s", seed, planted.id())
            .isLessThanOrEqualTo(longest);
        assertThat(planted.actualDepth()).isEqualTo((double) fillerBefore / total);
        assertThat(haystack.text().substring((int) planted.charOffset()))
            .startsWith(planted.text());
      }
    }
  }

  @Test
  void depthZeroStartsTheTextAndDepthHundredEndsIt() {
    Haystack haystack = Haystack.plant(filler(3, 50),
        List.of(new Plant("end", "The end needle.", 1), new Plant("start", "The start needle.", 0)));

    assertThat(haystack.text()).startsWith("The start needle.").endsWith("The end needle.");
    assertThat(haystack.planted()).extracting(Planted::id).containsExactly("start", "end");
  }

  @Test
  void partsCutAtSentencesAndKeepEveryNeedleWhole() {
    List<Plant> plants = List.of(new Plant("a", "Alpha needle sits here.", 0.33),
        new Plant("b", "Beta needle sits here.", 0.66));
    Haystack haystack = Haystack.plant(filler(5, 400), plants);

    List<String> parts = haystack.parts(2000);
    assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(2000));
    assertThat(String.join(" ", parts)).contains("Alpha needle sits here.",
        "Beta needle sits here.");
    assertThat(parts.stream().mapToLong(String::length).sum())
        .isBetween(haystack.chars() - 2L * parts.size(), haystack.chars());
  }
}
