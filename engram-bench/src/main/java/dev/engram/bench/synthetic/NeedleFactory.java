package dev.engram.bench.synthetic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes needles, needle sets and threads from one seeded stream. Within one factory every needle
 * has its own person (first names and surnames are dealt without repeats until a list runs out)
 * and consecutive needles use different templates, so needles planted together do not answer each
 * other's questions. Not thread-safe; deterministic for a seed.
 */
final class NeedleFactory {
  private final SplittableRandom random;
  private final Deck<String> firstNames;
  private final Deck<String> surnames;
  private final Deck<FactTemplate> templates;
  private final Deck<String> containers;
  private final Set<String> keys = new HashSet<>();

  NeedleFactory(SplittableRandom random) {
    this.random = random;
    this.firstNames = new Deck<>(Vocabulary.FIRST_NAMES, random);
    this.surnames = new Deck<>(Vocabulary.SURNAMES, random);
    this.templates = new Deck<>(Vocabulary.FACTS, random);
    this.containers = new Deck<>(Vocabulary.CONTAINERS, random);
  }

  /** A single fact needle with a fresh person. */
  Needle needle(String id) {
    FactTemplate template = templates.next();
    String name = person();
    String value = template.values().get(random.nextInt(template.values().size()));
    return new Needle(id, template.fact(name, value), template.question(name), value);
  }

  /**
   * A set of {@code k} things one person packed in one container.
   *
   * @param k in [1, {@code Vocabulary.THINGS.size()}]
   */
  NeedleSet set(String id, int k) {
    if (k < 1 || k > Vocabulary.THINGS.size()) {
      throw new IllegalArgumentException(
          "set size must be in [1, " + Vocabulary.THINGS.size() + "], was " + k);
    }
    String name = person();
    String container = containers.next();
    String question = "What did " + name + " pack in the " + container + "? List everything.";
    Deck<String> things = new Deck<>(Vocabulary.THINGS, random);
    List<Needle> needles = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      String thing = things.next();
      needles.add(new Needle(id + "-" + i, name + " packed " + thing + " in the " + container + ".",
          question, Vocabulary.keyword(thing)));
    }
    return new NeedleSet(id, question, needles);
  }

  /** A thread of {@code links} links, in [1, 100], with keys unique within this factory. */
  NeedleThread thread(String id, int links) {
    if (links < 1 || links > 100) {
      throw new IllegalArgumentException("thread links must be in [1, 100], was " + links);
    }
    List<String> chain = new ArrayList<>();
    while (chain.size() <= links) {
      String key = String.format(Locale.ROOT, "%08x", random.nextInt() & 0xffffffffL);
      if (keys.add(key)) {
        chain.add(key);
      }
    }
    return new NeedleThread(id, chain);
  }

  private String person() {
    return firstNames.next() + " " + surnames.next();
  }

  /** Deals a list in seeded shuffled order, reshuffling when it runs out. */
  private static final class Deck<T> {
    private final List<T> cards;
    private final SplittableRandom random;
    private final List<T> left = new ArrayList<>();

    Deck(List<T> cards, SplittableRandom random) {
      this.cards = List.copyOf(cards);
      this.random = random;
    }

    T next() {
      if (left.isEmpty()) {
        left.addAll(cards);
        for (int i = left.size() - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          left.set(j, left.set(i, left.get(j)));
        }
      }
      return left.remove(left.size() - 1);
    }
  }
}
