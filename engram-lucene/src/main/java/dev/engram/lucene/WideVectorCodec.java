package dev.engram.lucene;

import java.io.IOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

/**
 * Lucene's default codec with the vector dimension limit raised from 1024 to 8192 (the most an
 * {@link dev.engram.embed.EmbedderInfo} allows), so 1536- and 3072-dimension API embeddings index.
 * Only the indexing-time check changes: the files are the standard HNSW format under its standard
 * name, so any Lucene 9.12 reader opens them.
 */
final class WideVectorCodec extends Lucene912Codec {
  static final int MAX_DIMENSIONS = 8192;

  private final KnnVectorsFormat vectors = new WideHnswFormat();

  @Override
  public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
    return vectors;
  }

  /** The standard HNSW format, under its own name, with a higher dimension limit. */
  private static final class WideHnswFormat extends KnnVectorsFormat {
    private final KnnVectorsFormat delegate = new Lucene99HnswVectorsFormat();

    WideHnswFormat() {
      super("Lucene99HnswVectorsFormat");
    }

    @Override
    public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
      return delegate.fieldsWriter(state);
    }

    @Override
    public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
      return delegate.fieldsReader(state);
    }

    @Override
    public int getMaxDimensions(String fieldName) {
      return MAX_DIMENSIONS;
    }
  }
}
