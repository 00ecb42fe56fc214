package dev.engram.solr;

import dev.engram.embed.EmbedderInfo;
import dev.engram.store.StoreException;
import dev.engram.store.StoreInfo;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What a collection's configset was made for: the Engram schema version and the embedder whose
 * vectors it holds. Engram writes it as {@code engram-store.properties} into the configset it
 * uploads, and checks it on every open, like the embedded store's manifest.
 *
 * @param format always {@code solr}
 * @param schemaVersion the version of the shipped schema ({@link #SCHEMA_VERSION} today)
 * @param modelId the embedder's model id
 * @param dimension the vector dimension (also the schema's {@code vectorDimension})
 */
record SchemaManifest(String format, int schemaVersion, String modelId, int dimension) {
  static final String FILE_NAME = "engram-store.properties";
  static final String FORMAT = "solr";
  /** Bump on every change of a field, type, analyser or the id layout. */
  static final int SCHEMA_VERSION = 1;

  private static final String KEY_FORMAT = "format";
  private static final String KEY_VERSION = "schemaVersion";
  private static final String KEY_MODEL = "embedder.modelId";
  private static final String KEY_DIMENSION = "embedder.dimension";

  /** The manifest this code writes for {@code embedder}. */
  static SchemaManifest current(EmbedderInfo embedder) {
    return new SchemaManifest(FORMAT, SCHEMA_VERSION, embedder.modelId(), embedder.dimension());
  }

  StoreInfo info() {
    return new StoreInfo(format, schemaVersion, new EmbedderInfo(modelId, dimension));
  }

  /** Parses the file's text; {@code source} names it in errors. */
  static SchemaManifest parse(String text, String source) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
      return new SchemaManifest(required(properties, KEY_FORMAT, source),
          Integer.parseInt(required(properties, KEY_VERSION, source)),
          required(properties, KEY_MODEL, source),
          Integer.parseInt(required(properties, KEY_DIMENSION, source)));
    } catch (IOException | IllegalArgumentException e) {
      throw new StoreException(source + " is corrupt: " + e.getMessage(), e);
    }
  }

  String render() {
    Properties properties = new Properties();
    properties.setProperty(KEY_FORMAT, format);
    properties.setProperty(KEY_VERSION, Integer.toString(schemaVersion));
    properties.setProperty(KEY_MODEL, modelId);
    properties.setProperty(KEY_DIMENSION, Integer.toString(dimension));
    StringWriter out = new StringWriter();
    try {
      properties.store(out, "Engram SolrCloud schema manifest: written with the configset, "
          + "checked on every open");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Throws unless a collection made with this manifest can be used by a caller expecting
   * {@code requested}; the message names both sides.
   */
  void requireCompatible(SchemaManifest requested, String collection) {
    if (!format.equals(requested.format) || schemaVersion != requested.schemaVersion) {
      throw new StoreException("Solr collection '" + collection + "': schema version mismatch: "
          + "collection=" + format + "/" + schemaVersion + ", this Engram=" + requested.format
          + "/" + requested.schemaVersion + "; reindex into a new collection (engram export/import)");
    }
    if (!modelId.equals(requested.modelId) || dimension != requested.dimension) {
      throw new StoreException("Solr collection '" + collection + "': embedder mismatch: "
          + "collection=" + modelId + "/" + dimension + ", requested=" + requested.modelId + "/"
          + requested.dimension);
    }
  }

  private static String required(Properties properties, String key, String source) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new StoreException(source + " is corrupt: no '" + key + "'");
    }
    return value.strip();
  }
}
