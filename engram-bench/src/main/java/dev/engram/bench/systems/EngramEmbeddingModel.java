package dev.engram.bench.systems;

import dev.engram.embed.Embedder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * An Engram {@link Embedder} seen as a LangChain4j {@link EmbeddingModel}, so the
 * {@code langchain4j} baseline embeds with exactly the vectors Engram uses. Passages go through
 * {@link Embedder#embed} in one batch; a single text embedded on its own (LangChain4j's query path)
 * goes through {@link Embedder#embedQuery}. Thread-safe when the embedder is. The embedder is not
 * closed by this adapter.
 */
public final class EngramEmbeddingModel implements EmbeddingModel {
  private final Embedder embedder;

  public EngramEmbeddingModel(Embedder embedder) {
    this.embedder = embedder;
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    List<String> texts = new ArrayList<>(segments.size());
    for (TextSegment segment : segments) {
      texts.add(segment.text());
    }
    float[][] vectors = embedder.embed(texts);
    List<Embedding> out = new ArrayList<>(vectors.length);
    for (float[] vector : vectors) {
      out.add(Embedding.from(vector));
    }
    return Response.from(out);
  }

  @Override
  public Response<Embedding> embed(String text) {
    return Response.from(Embedding.from(embedder.embedQuery(text)));
  }

  @Override
  public int dimension() {
    return embedder.info().dimension();
  }

  @Override
  public String modelName() {
    return embedder.info().modelId();
  }
}
