package dev.engram.datasets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Streams the objects of a top-level JSON array one at a time, so memory holds one record, not the
 * file (the LongMemEval S split is ~130 MB of JSON on one line; the M split is ~2.7 GB). Stateless
 * and thread-safe.
 */
final class JsonArrayReader {
  static final ObjectMapper JSON = new ObjectMapper();

  private JsonArrayReader() {}

  /** Receives each object of the array with its 0-based index and the line it starts on. */
  @FunctionalInterface
  interface ElementHandler {
    void accept(JsonNode element, int index, long line);
  }

  /**
   * Calls {@code handler} for each element of the array in {@code file}, in order, stopping after
   * {@code limit} elements.
   *
   * @param what the elements' name for error messages, e.g. {@code "LoCoMo samples"}
   * @return the number of elements handled
   * @throws DatasetFormatException if the file is not a JSON array of objects
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  static int forEach(Path file, String what, int limit, ElementHandler handler) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + limit);
    }
    DatasetInput.requireRegularFile(file);
    int count = 0;
    try (InputStream in = DatasetInput.open(file);
        JsonParser parser = JSON.createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_ARRAY) {
        throw new DatasetFormatException(
            file,
            line(parser),
            null,
            "expected a JSON array of " + what + ", found " + name(first));
      }
      while (count < limit) {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
          break;
        }
        if (token == null) {
          throw truncated(file, line(parser), count, what, null);
        }
        if (token != JsonToken.START_OBJECT) {
          throw new DatasetFormatException(
              file,
              line(parser),
              null,
              "item " + count + " of the array must be a JSON object, found " + name(token));
        }
        long startLine = line(parser);
        JsonNode element = JSON.readTree(parser);
        handler.accept(element, count, startLine);
        count++;
      }
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNr(), 0);
      // Jackson reports most ends of input inside arrays as a plain JsonParseException.
      if (e instanceof JsonEOFException
          || String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
        throw truncated(file, line, count, what, e);
      }
      throw new DatasetFormatException(
          file, line, null, "not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw DatasetInput.ioError(file, e);
    }
    return count;
  }

  private static DatasetFormatException truncated(
      Path file, long line, int count, String what, Throwable cause) {
    return new DatasetFormatException(
        file,
        line,
        null,
        "the file ends before the JSON array is closed, after " + count + " " + what
            + " (truncated?)",
        cause);
  }

  private static long line(JsonParser parser) {
    return Math.max(parser.currentTokenLocation().getLineNr(), 0);
  }

  private static String name(JsonToken token) {
    if (token == null) {
      return "the end of the file";
    }
    switch (token) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return token.toString();
    }
  }
}
