package dev.engram.spi;

import dev.engram.EngramException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Function;

/** Finds store and embedder factories on the class path, with errors that say what to add. */
public final class Providers {
  private Providers() {}

  /** The store factory called {@code name}, or the first one found when {@code name} is null. */
  public static MemoryStoreFactory store(String name) {
    return find(MemoryStoreFactory.class, MemoryStoreFactory::name, name, "dev.engram:engram-lucene");
  }

  /** The embedder factory called {@code name}, or the first one found when {@code name} is null. */
  public static EmbedderFactory embedder(String name) {
    return find(EmbedderFactory.class, EmbedderFactory::name, name, "dev.engram:engram-onnx");
  }

  private static <T> T find(Class<T> type, Function<T, String> nameOf, String name, String hint) {
    List<String> seen = new ArrayList<>();
    for (T factory : ServiceLoader.load(type, Providers.class.getClassLoader())) {
      if (name == null || name.equals(nameOf.apply(factory))) {
        return factory;
      }
      seen.add(nameOf.apply(factory));
    }
    if (seen.isEmpty()) {
      throw new EngramException(
          "no " + type.getSimpleName() + " on the class path; add " + hint + " to the dependencies");
    }
    throw new EngramException(
        "no " + type.getSimpleName() + " named '" + name + "'; available: " + seen);
  }
}
