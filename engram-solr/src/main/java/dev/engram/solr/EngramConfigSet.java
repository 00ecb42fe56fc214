package dev.engram.solr;

import dev.engram.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.zookeeper.KeeperException;

/**
 * The configset shipped in this module ({@code dev/engram/solr/configset/}): the schema, the
 * solrconfig and the stopwords, rendered for one embedder (its dimension goes into the schema's
 * vector type) plus the {@link SchemaManifest} file, and uploaded to ZooKeeper under
 * {@code /configs/<name>}.
 */
final class EngramConfigSet {
  private static final String RESOURCE_DIR = "/dev/engram/solr/configset/";
  private static final String[] FILES = {"schema.xml", "solrconfig.xml", "stopwords_en.txt"};

  private EngramConfigSet() {}

  /** The configset name for a manifest: {@code engram-v<version>-<model>-<dimension>}. */
  static String name(SchemaManifest manifest) {
    return ("engram-v" + manifest.schemaVersion() + "-" + manifest.modelId() + "-"
        + manifest.dimension()).replaceAll("[^A-Za-z0-9_.\\-]", "_");
  }

  /** The files of the configset for {@code manifest}, by file name. */
  static Map<String, byte[]> render(SchemaManifest manifest) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String file : FILES) {
      String text = resource(file)
          .replace("@VECTOR_DIMENSION@", Integer.toString(manifest.dimension()))
          .replace("@SCHEMA_VERSION@", Integer.toString(manifest.schemaVersion()));
      files.put(file, text.getBytes(StandardCharsets.UTF_8));
    }
    files.put(SchemaManifest.FILE_NAME, manifest.render().getBytes(StandardCharsets.UTF_8));
    return files;
  }

  /**
   * Uploads the configset for {@code manifest} under {@code name}, unless one with that name
   * exists already; an existing one must hold the same manifest.
   *
   * @throws StoreException if an existing configset of that name was made for something else
   */
  static void upload(SolrZkClient zk, String name, SchemaManifest manifest)
      throws KeeperException, InterruptedException {
    String root = "/configs/" + name;
    if (zk.exists(root, true)) {
      SchemaManifest existing = read(zk, name);
      if (existing == null || !existing.equals(manifest)) {
        throw new StoreException("configset '" + name + "' exists in ZooKeeper but was made for "
            + (existing == null ? "something other than Engram" : existing) + ", not " + manifest);
      }
      return;
    }
    // the manifest last: a configset without it is never mistaken for a complete one
    Map<String, byte[]> files = render(manifest);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      if (!file.getKey().equals(SchemaManifest.FILE_NAME)) {
        zk.makePath(root + "/" + file.getKey(), file.getValue(), true);
      }
    }
    zk.makePath(root + "/" + SchemaManifest.FILE_NAME, files.get(SchemaManifest.FILE_NAME), true);
  }

  /** The manifest of configset {@code name}, or null when it has none (not an Engram one). */
  static SchemaManifest read(SolrZkClient zk, String name)
      throws KeeperException, InterruptedException {
    String path = "/configs/" + name + "/" + SchemaManifest.FILE_NAME;
    if (!zk.exists(path, true)) {
      return null;
    }
    byte[] data = zk.getData(path, null, null, true);
    return SchemaManifest.parse(new String(data, StandardCharsets.UTF_8),
        "ZooKeeper " + path);
  }

  private static String resource(String file) {
    try (InputStream in = EngramConfigSet.class.getResourceAsStream(RESOURCE_DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("configset file " + file + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
