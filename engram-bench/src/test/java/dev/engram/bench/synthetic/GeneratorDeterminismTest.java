package dev.engram.bench.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorDeterminismTest {
  @TempDir
  static Path dir;
  static List<Book> books;

  @BeforeAll
  static void writeBooks() throws IOException {
    books = TestBooks.write(dir, 2, 600).stream().map(Book::read).toList();
  }

  @Test
  void bookDropsTheGutenbergHeaderAndFooterAndJoinsWrappedLines() {
    String body = String.join("\n", books.get(0).paragraphs());
    assertThat(body).doesNotContain(TestBooks.HEADER_WORD, TestBooks.FOOTER_WORD, "*** ", "\r");
    assertThat(books.get(0).paragraphs()).hasSize(120)
        .allSatisfy(p -> assertThat(p).doesNotContain("\n"));
  }

  @Test
  void needleGridIsTheSameForTheSameSeedAndDiffersForAnother() {
    NeedleGrid.Config config = new NeedleGrid.Config(List.of(4000), List.of(0, 50, 100), 1);
    NeedleGrid.Planting a = new NeedleGrid(books, config, 7).plant(4000, 0);
    NeedleGrid.Planting b = new NeedleGrid(books, config, 7).plant(4000, 0);
    NeedleGrid.Planting c = new NeedleGrid(books, config, 8).plant(4000, 0);

    assertThat(b.haystack().text()).isEqualTo(a.haystack().text());
    assertThat(b.needles()).isEqualTo(a.needles());
    assertThat(b.haystack().planted()).isEqualTo(a.haystack().planted());
    assertThat(c.haystack().text()).isNotEqualTo(a.haystack().text());
    assertThat(c.needles()).isNotEqualTo(a.needles());
    assertThat(c.haystack().planted().stream().map(Haystack.Planted::charOffset).toList())
        .isNotEqualTo(a.haystack().planted().stream().map(Haystack.Planted::charOffset).toList());
  }

  @Test
  void needlesInOneHaystackHaveDistinctPeopleAndQuestions() {
    NeedleGrid.Config config = new NeedleGrid.Config(List.of(16000),
        List.of(0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100), 1);
    List<Needle> needles = new NeedleGrid(books, config, 42).plant(16000, 0).needles();

    assertThat(needles).extracting(Needle::question).doesNotHaveDuplicates();
    assertThat(needles).allSatisfy(n -> assertThat(n.fact()).contains(n.answer()));
  }

  @Test
  void threadsAndSetsAreTheSameForTheSameSeedAndDifferForAnother() {
    ThreadsBench.Config config = new ThreadsBench.Config(4000, 1, List.of(2, 4), List.of(2, 3), 5);
    ThreadsBench.Round a = new ThreadsBench(books, config, 1).plant(0);
    ThreadsBench.Round b = new ThreadsBench(books, config, 1).plant(0);
    ThreadsBench.Round c = new ThreadsBench(books, config, 2).plant(0);

    assertThat(b.haystack().text()).isEqualTo(a.haystack().text());
    assertThat(b.threads()).isEqualTo(a.threads());
    assertThat(b.sets()).isEqualTo(a.sets());
    assertThat(c.threads()).isNotEqualTo(a.threads());
    assertThat(c.haystack().text()).isNotEqualTo(a.haystack().text());
  }

  @Test
  void orderPairsAreTheSameForTheSameSeedAndDifferForAnother() {
    OrderBench.Config config = new OrderBench.Config(1, 2000, List.of(20), 5);
    OrderBench one = new OrderBench(books, config, 3);
    OrderBench other = new OrderBench(books, config, 4);

    assertThat(new OrderBench(books, config, 3).excerpt(0)).isEqualTo(one.excerpt(0));
    assertThat(new OrderBench(books, config, 3).pairs(0, one.excerpt(0)))
        .isEqualTo(one.pairs(0, one.excerpt(0)));
    assertThat(other.pairs(0, other.excerpt(0))).isNotEqualTo(one.pairs(0, one.excerpt(0)));
  }

  @Test
  void orderPairsFallInTheirDistanceBins() {
    OrderBench bench = new OrderBench(books, new OrderBench.Config(1, 2000, List.of(20, 50), 20), 5);
    Excerpt excerpt = bench.excerpt(0);
    for (OrderBench.Pair pair : bench.pairs(0, excerpt)) {
      int distance = pair.second() - pair.first();
      int bin = OrderBench.BINS.indexOf(pair.bin());
      int[] range = OrderBench.distances(bin, excerpt.words().size(), pair.words());
      assertThat(distance).isBetween(range[0], range[1] - 1).isGreaterThanOrEqualTo(pair.words());
      assertThat(pair.second() + pair.words()).isLessThanOrEqualTo(excerpt.words().size());
    }
  }

  @Test
  void syntheticVectorsAreUnitLengthAndRepeatable() {
    float[][] real = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    SyntheticVectors a = new SyntheticVectors(List.of("a one two", "b", "c"), real, 9);
    SyntheticVectors b = new SyntheticVectors(List.of("a one two", "b", "c"), real, 9);

    assertThat(a.vector(1)).containsExactly(0, 1, 0);
    assertThat(b.vector(100)).containsExactly(a.vector(100));
    assertThat(b.text(100)).isEqualTo(a.text(100)).startsWith("Synthetic memory 100 mixes");
    double norm = 0;
    for (float x : a.vector(100)) {
      norm += x * x;
    }
    assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
  }
}
