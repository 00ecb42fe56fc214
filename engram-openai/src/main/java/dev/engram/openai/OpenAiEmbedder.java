package dev.engram.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.embed.Embedder;
import dev.engram.embed.EmbedderInfo;
import dev.engram.model.Require;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An {@link Embedder} over any {@code POST {baseUrl}/embeddings} endpoint, sending up to
 * {@code batchSize} texts per request. Vectors are L2-normalised here, since not every server
 * normalises. Thread-safe.
 *
 * <p>{@link #info()} names the remote model as {@value #MODEL_PREFIX}{@code <model>} so a store
 * records which model made its vectors and refuses another; the dimension is the configured one,
 * or is learned from one probe request on first use.
 */
public final class OpenAiEmbedder implements Embedder {
  /** Prefix of {@link EmbedderInfo#modelId()}, so remote ids never collide with bundled ones. */
  public static final String MODEL_PREFIX = "openai:";
  /** Texts per request unless configured. */
  public static final int DEFAULT_BATCH_SIZE = 64;
  private static final String PATH = "embeddings";

  private final OpenAiHttp http;
  private final String model;
  private final int batchSize;
  private volatile EmbedderInfo info;

  /**
   * @param dimension the model's vector length, or 0 to learn it from a probe request
   * @param batchSize texts per request, in [1, 2048]
   * @throws IllegalArgumentException if {@code config} names no embedding model
   */
  public OpenAiEmbedder(OpenAiConfig config, int dimension, int batchSize, Sleeper sleeper) {
    Require.nonNull(config, "config");
    if (config.embeddingModel() == null) {
      throw new IllegalArgumentException("no embedding model configured for " + config.baseUrl()
          + ": set ENGRAM_EMBED_MODEL or llm.embedding-model");
    }
    this.http = new OpenAiHttp(config, Require.nonNull(sleeper, "sleeper"));
    this.model = config.embeddingModel();
    this.batchSize = Require.inRange(batchSize, 1, 2048, "batchSize");
    Require.inRange(dimension, 0, 8192, "dimension");
    this.info = dimension == 0 ? null : new EmbedderInfo(MODEL_PREFIX + model, dimension);
  }

  /** Batches of {@value #DEFAULT_BATCH_SIZE}, dimension learned on first use, real sleeps. */
  public OpenAiEmbedder(OpenAiConfig config) {
    this(config, 0, DEFAULT_BATCH_SIZE, Sleeper.system());
  }

  /** @throws OpenAiException if the dimension must be probed and the endpoint fails */
  @Override
  public EmbedderInfo info() {
    EmbedderInfo known = info;
    if (known == null) {
      float[] probe = request(List.of("dimension probe"))[0];
      known = new EmbedderInfo(MODEL_PREFIX + model, probe.length);
      info = known;
    }
    return known;
  }

  /**
   * @throws OpenAiException if the endpoint fails, or returns vectors of another dimension than
   *     {@link #info()} says, or the wrong number of them
   */
  @Override
  public float[][] embed(List<String> texts) {
    Require.nonNull(texts, "texts");
    float[][] out = new float[texts.size()][];
    for (int start = 0; start < texts.size(); start += batchSize) {
      List<String> batch = texts.subList(start, Math.min(texts.size(), start + batchSize));
      float[][] vectors = request(batch);
      int dimension = info().dimension();
      for (int i = 0; i < vectors.length; i++) {
        if (vectors[i].length != dimension) {
          throw new OpenAiException(http.config().endpoint(PATH).toString(), 200,
              "embedding dimension mismatch: expected " + dimension + " (" + info().modelId()
                  + "), endpoint returned " + vectors[i].length, null);
        }
        out[start + i] = vectors[i];
      }
    }
    return out;
  }

  private float[][] request(List<String> batch) {
    ObjectNode body = OpenAiHttp.JSON.createObjectNode().put("model", model);
    ArrayNode input = body.putArray("input");
    batch.forEach(text -> input.add(Require.nonNull(text, "texts[i]")));
    return http.post(PATH, body.toString(), (endpoint, stream) -> read(endpoint, stream, batch.size()));
  }

  private float[][] read(URI endpoint, InputStream stream, int expected) throws IOException, OpenAiHttp.Failure {
    String text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    JsonNode data;
    try {
      JsonNode reply = OpenAiHttp.JSON.readTree(text);
      data = reply == null ? null : reply.path("data");
    } catch (IOException e) {
      data = null;
    }
    if (data == null || !data.isArray() || data.size() != expected) {
      throw new OpenAiHttp.Failure(200, true, null, "endpoint " + endpoint + " answered HTTP 200 with "
          + "a body that is not " + expected + " embeddings: " + http.scrub(text), null);
    }
    float[][] vectors = new float[expected][];
    for (int i = 0; i < expected; i++) {
      JsonNode entry = data.get(i);
      int index = entry.path("index").asInt(i);
      JsonNode values = entry.path("embedding");
      if (index < 0 || index >= expected || vectors[index] != null || !values.isArray() || values.isEmpty()) {
        throw new OpenAiHttp.Failure(200, true, null, "endpoint " + endpoint
            + " answered HTTP 200 with a malformed embedding at position " + i, null);
      }
      vectors[index] = normalised(values);
    }
    return vectors;
  }

  private static float[] normalised(JsonNode values) {
    float[] vector = new float[values.size()];
    double norm = 0;
    for (int i = 0; i < vector.length; i++) {
      vector[i] = (float) values.get(i).asDouble();
      norm += (double) vector[i] * vector[i];
    }
    if (norm > 0) {
      float scale = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < vector.length; i++) {
        vector[i] *= scale;
      }
    }
    return vector;
  }

  @Override
  public String toString() {
    return "OpenAiEmbedder[" + http.config().endpoint(PATH) + ", model=" + model + "]";
  }
}
