package dev.engram.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One JSON object of a dataset, with typed field access whose failures are {@link
 * DatasetFormatException}s naming the file, line, record and field. {@code context} names the
 * record for people ({@code sample 'conv-1'}); {@code prefix} is prepended to field names so that
 * nested objects report paths such as {@code session_3[4].dia_id}.
 */
final class JsonRecord {
  private final Path file;
  private final long line;
  private final String context;
  private final String prefix;
  private final JsonNode node;

  JsonRecord(Path file, long line, String context, JsonNode node) {
    this(file, line, context, "", node);
  }

  private JsonRecord(Path file, long line, String context, String prefix, JsonNode node) {
    this.file = file;
    this.line = line;
    this.context = context;
    this.prefix = prefix;
    this.node = node;
  }

  /** The record for a nested object at {@code path} (e.g. {@code session_3[4]}). */
  JsonRecord nested(String path, JsonNode child) {
    if (child == null || !child.isObject()) {
      throw fail(path, "must be an object, was " + describe(child));
    }
    return new JsonRecord(file, line, context, prefix + path + ".", child);
  }

  /** The same record, named differently for people (once its id is known). */
  JsonRecord withContext(String newContext) {
    return new JsonRecord(file, line, newContext, prefix, node);
  }

  JsonNode node() {
    return node;
  }

  boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  /** A required non-blank string. */
  String text(String field) {
    String value = optionalText(field);
    if (value == null) {
      throw fail(field, "is missing");
    }
    return value;
  }

  /** A string that may be missing or null (then null is returned); if present, non-blank. */
  String optionalText(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw fail(field, "must be a string, was " + describe(value));
    }
    if (value.asText().isBlank()) {
      throw fail(field, "must not be blank");
    }
    return value.asText();
  }

  /** A required string that may be empty or blank. */
  String string(String field) {
    String value = optionalString(field);
    if (value == null) {
      throw fail(field, "is missing");
    }
    return value;
  }

  /** A string that may be missing or null (then null is returned), empty or blank. */
  String optionalString(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw fail(field, "must be a string, was " + describe(value));
    }
    return value.asText();
  }

  /** A string, number or boolean as text (numbers in answers are common); null if missing. */
  String scalarText(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw fail(field, "must be a string or a number, was " + describe(value));
    }
    return value.asText();
  }

  /** A required integer. */
  int integer(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw fail(field, "is missing");
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw fail(field, "must be an integer, was " + describe(value));
    }
    return value.intValue();
  }

  /** A required array (possibly empty). */
  JsonNode array(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw fail(field, "is missing");
    }
    if (!value.isArray()) {
      throw fail(field, "must be an array, was " + describe(value));
    }
    return value;
  }

  /** A format error about {@code field} of this record; {@code problem} follows the field name. */
  DatasetFormatException fail(String field, String problem) {
    return fail(field, problem, null);
  }

  DatasetFormatException fail(String field, String problem, Throwable cause) {
    String path = prefix + field;
    String where = context == null ? "" : context + ": ";
    return new DatasetFormatException(
        file, line, path, where + "field '" + path + "' " + problem, cause);
  }

  /** A short description of a JSON value for error messages: its type and a clipped value. */
  static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "missing";
    }
    if (value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      return "'" + clip(value.asText()) + "'";
    }
    if (value.isValueNode()) {
      return value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + value;
    }
    return "an " + (value.isArray() ? "array" : "object");
  }

  /** The value shortened to at most 60 characters, for error messages. */
  static String clip(String value) {
    return value.length() <= 60 ? value : value.substring(0, 57) + "...";
  }
}
