package dev.engram.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engram.EngramException;
import dev.engram.embed.Embedder;
import dev.engram.embed.EmbedderInfo;
import dev.engram.model.ItemKind;
import dev.engram.model.Lifecycle;
import dev.engram.model.MemoryItem;
import dev.engram.model.Require;
import dev.engram.model.SubjectRef;
import dev.engram.model.Tier;
import dev.engram.store.AuditAction;
import dev.engram.store.AuditEvent;
import dev.engram.store.ItemFilter;
import dev.engram.store.MemoryStore;
import dev.engram.write.EmbeddingInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The export format and its two directions. A file is UTF-8 JSON lines: first a header
 * ({@code "type":"header"}, format {@code engram-export} version 1, tenant, subject, the
 * embedder's model id and dimension, and counts), then one {@code "type":"item"} line per item in
 * timeline order (every field of {@link MemoryItem}, its {@link Lifecycle}, and its vector), then
 * one {@code "type":"audit"} line per audit event, oldest first.
 *
 * <p>Stores never return vectors, so export recomputes each item's vector with the store's own
 * embedder (the store checks that it is the one it was written with): an episode's from its
 * {@link EmbeddingInput}, which for a deterministic embedder is the stored vector; a fact's or a
 * summary's from its key (they are stored with a vector taken from an episode, so they come back
 * with one of their own). Import uses the file's vectors when the target store's embedder is the
 * export's, and recomputes them the same way otherwise. Import reads and checks the whole file
 * before it writes anything; audit events are appended in order, so they keep their versions when
 * the target subject has no log yet.
 *
 * <p>Stateless and thread-safe.
 */
public final class MemoryExport {
  /** The format name in the header. */
  public static final String FORMAT = "engram-export";
  /** The format version this code writes and reads. */
  public static final int VERSION = 1;
  private static final int BATCH = 256;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MemoryExport() {}

  /** What an item's vector is computed from when it is recomputed. */
  private static String embeddingSource(MemoryItem item) {
    return item.kind() == ItemKind.EPISODE ? EmbeddingInput.of(item.text()) : item.key();
  }

  /**
   * What was exported or imported.
   *
   * @param items items written
   * @param auditEvents audit events written
   * @param reembedded whether vectors were recomputed because the embedders differ (import)
   */
  public record Counts(int items, int auditEvents, boolean reembedded) {}

  /**
   * Writes {@code owner}'s memory from {@code store} to {@code out} (not closed).
   *
   * @param embedder the store's embedder, used to recompute the vectors
   * @throws IllegalArgumentException if the embedder is not the store's
   */
  public static Counts write(MemoryStore store, SubjectRef owner, Embedder embedder, Writer out) {
    Require.nonNull(store, "store");
    Require.nonNull(owner, "owner");
    Require.nonNull(embedder, "embedder");
    Require.nonNull(out, "out");
    if (!store.info().embedder().equals(embedder.info())) {
      throw new IllegalArgumentException("embedder " + describe(embedder.info())
          + " is not the store's " + describe(store.info().embedder()));
    }
    long total = store.subjectStats(owner).items();
    List<MemoryItem> items = total == 0 ? List.of()
        : store.items(owner, ItemFilter.ANY, Math.toIntExact(total));
    List<AuditEvent> audit = new ArrayList<>();
    for (long from = 1; ; ) {
      List<AuditEvent> page = store.audit(owner, from, 1000);
      audit.addAll(page);
      if (page.size() < 1000) {
        break;
      }
      from = page.get(page.size() - 1).version() + 1;
    }
    try {
      ObjectNode header = MAPPER.createObjectNode().put("type", "header").put("format", FORMAT)
          .put("version", VERSION).put("tenant", owner.tenant()).put("subject", owner.subject())
          .put("items", items.size()).put("auditEvents", audit.size());
      header.putObject("embedder").put("modelId", embedder.info().modelId())
          .put("dimension", embedder.info().dimension());
      line(out, header);
      for (int from = 0; from < items.size(); from += BATCH) {
        List<MemoryItem> batch = items.subList(from, Math.min(items.size(), from + BATCH));
        float[][] vectors =
            embedder.embed(batch.stream().map(MemoryExport::embeddingSource).toList());
        for (int i = 0; i < batch.size(); i++) {
          line(out, itemNode(batch.get(i), vectors[i]));
        }
      }
      for (AuditEvent event : audit) {
        line(out, auditNode(event));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export: " + e.getMessage(), e);
    }
    return new Counts(items.size(), audit.size(), false);
  }

  /**
   * Reads an export from {@code in} and adds its items and audit events to {@code target} in
   * {@code store}. Checks every line first: a bad file writes nothing.
   *
   * @param embedder the target store's embedder (re-embeds when the export's differs)
   * @param source names the input in errors (e.g. the file name)
   * @throws EngramException naming the line if the file is not a valid export
   */
  public static Counts read(MemoryStore store, SubjectRef target, Embedder embedder,
      BufferedReader in, String source) {
    Require.nonNull(store, "store");
    Require.nonNull(target, "target");
    Require.nonNull(embedder, "embedder");
    Require.nonNull(in, "in");
    List<MemoryItem> items = new ArrayList<>();
    List<AuditEvent> audit = new ArrayList<>();
    EmbedderInfo exported = null;
    int lineNumber = 0;
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = MAPPER.readTree(line);
        String type = text(node, "type");
        if (lineNumber == 1) {
          if (!"header".equals(type) || !FORMAT.equals(text(node, "format"))) {
            throw new IllegalArgumentException("not an Engram export (no " + FORMAT + " header)");
          }
          if (node.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException("export format version " + node.path("version")
                + " is not supported (this Engram reads version " + VERSION + ")");
          }
          exported = new EmbedderInfo(text(node.path("embedder"), "modelId"),
              node.path("embedder").path("dimension").asInt());
        } else if ("item".equals(type)) {
          items.add(item(node, target, exported.dimension()));
        } else if ("audit".equals(type)) {
          audit.add(auditEvent(node, target));
        } else {
          throw new IllegalArgumentException("unknown line type '" + type + "'");
        }
      }
    } catch (JsonProcessingException e) {
      throw new EngramException(source + ":" + lineNumber + ": not JSON: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new EngramException(source + ":" + lineNumber + ": " + e.getMessage());
    }
    if (exported == null) {
      throw new EngramException(source + " is empty: not an Engram export");
    }
    boolean reembed = !exported.equals(store.info().embedder());
    for (int from = 0; from < items.size(); from += BATCH) {
      List<MemoryItem> batch = items.subList(from, Math.min(items.size(), from + BATCH));
      if (reembed) {
        float[][] vectors =
            embedder.embed(batch.stream().map(MemoryExport::embeddingSource).toList());
        List<MemoryItem> embedded = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
          embedded.add(batch.get(i).withEmbedding(vectors[i]));
        }
        batch = embedded;
      }
      store.add(batch);
    }
    for (AuditEvent event : audit) {
      store.appendAudit(event);
    }
    return new Counts(items.size(), audit.size(), reembed);
  }

  private static ObjectNode itemNode(MemoryItem item, float[] vector) {
    ObjectNode node = MAPPER.createObjectNode().put("type", "item").put("id", item.id())
        .put("session", item.session()).put("kind", item.kind().name())
        .put("sessionSeq", item.sessionSeq()).put("subjectSeq", item.subjectSeq())
        .put("eventTime", item.eventTime().toString())
        .put("ingestTime", item.ingestTime().toString()).put("text", item.text())
        .put("key", item.key()).put("contentHash", item.contentHash());
    ArrayNode sources = node.putArray("sourceIds");
    item.sourceIds().forEach(sources::add);
    Lifecycle life = item.lifecycle();
    node.putObject("lifecycle").put("tier", life.tier().name())
        .put("pinned", life.pinned()).put("attribute", life.attribute())
        .put("validFrom", string(life.validFrom())).put("validTo", string(life.validTo()))
        .put("supersededBy", life.supersededBy()).put("salience", life.salience())
        .put("accessCount", life.accessCount()).put("lastAccess", string(life.lastAccess()));
    ArrayNode embedding = node.putArray("embedding");
    for (float value : vector) {
      embedding.add(value);
    }
    return node;
  }

  private static MemoryItem item(JsonNode node, SubjectRef owner, int dimension) {
    JsonNode life = node.path("lifecycle");
    Lifecycle lifecycle = new Lifecycle(Tier.valueOf(text(life, "tier")),
        life.path("pinned").asBoolean(), optional(life, "attribute"),
        instant(optional(life, "validFrom")), instant(optional(life, "validTo")),
        optional(life, "supersededBy"), life.path("salience").asDouble(),
        life.path("accessCount").asLong(), instant(optional(life, "lastAccess")));
    List<String> sources = new ArrayList<>();
    node.path("sourceIds").forEach(source -> sources.add(source.asText()));
    JsonNode vector = node.path("embedding");
    if (vector.size() != dimension) {
      throw new IllegalArgumentException("item " + text(node, "id") + " has a vector of "
          + vector.size() + " dimensions, the header says " + dimension);
    }
    float[] embedding = new float[vector.size()];
    for (int i = 0; i < embedding.length; i++) {
      embedding[i] = (float) vector.get(i).asDouble();
    }
    return new MemoryItem(text(node, "id"), owner, text(node, "session"),
        ItemKind.valueOf(text(node, "kind")), node.path("sessionSeq").asLong(),
        node.path("subjectSeq").asLong(), Instant.parse(text(node, "eventTime")),
        Instant.parse(text(node, "ingestTime")), text(node, "text"), text(node, "key"), sources,
        text(node, "contentHash"), embedding, lifecycle);
  }

  private static ObjectNode auditNode(AuditEvent event) {
    ObjectNode node = MAPPER.createObjectNode().put("type", "audit")
        .put("version", event.version()).put("time", event.time().toString())
        .put("action", event.action().name()).put("actor", event.actor())
        .put("reason", event.reason());
    ArrayNode items = node.putArray("itemIds");
    event.itemIds().forEach(items::add);
    ArrayNode causes = node.putArray("causeIds");
    event.causeIds().forEach(causes::add);
    return node;
  }

  private static AuditEvent auditEvent(JsonNode node, SubjectRef owner) {
    List<String> items = new ArrayList<>();
    node.path("itemIds").forEach(id -> items.add(id.asText()));
    List<String> causes = new ArrayList<>();
    node.path("causeIds").forEach(id -> causes.add(id.asText()));
    return AuditEvent.of(owner, Instant.parse(text(node, "time")),
        AuditAction.valueOf(text(node, "action")), items, causes, text(node, "actor"),
        node.path("reason").asText(""));
  }

  private static void line(Writer out, JsonNode node) throws IOException {
    out.write(MAPPER.writeValueAsString(node));
    out.write('\n');
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing '" + field + "'");
    }
    return value.asText();
  }

  private static String optional(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Instant instant(String value) {
    return value == null ? null : Instant.parse(value);
  }

  private static String string(Instant value) {
    return value == null ? null : value.toString();
  }

  private static String describe(EmbedderInfo info) {
    return info.modelId() + "/" + info.dimension();
  }
}
