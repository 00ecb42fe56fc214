package dev.engram.datasets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The kinds of file this package reads, and how to tell them apart. Stateless and thread-safe.
 */
public enum FileFormat {
  /** Plain text ({@code .txt}), read by {@link DocumentReader}. */
  TEXT,
  /** Markdown ({@code .md}, {@code .markdown}), read by {@link DocumentReader}. */
  MARKDOWN,
  /** JSON Lines chat log ({@code .jsonl}), read by {@link ChatLogReader}. */
  CHAT_JSONL,
  /** LoCoMo JSON (an array of samples with {@code conversation}), read by {@link LocomoReader}. */
  LOCOMO,
  /**
   * LongMemEval JSON (an array of questions with {@code haystack_sessions}), read by {@link
   * LongMemEvalReader}.
   */
  LONGMEMEVAL;

  /**
   * Decides the format of {@code file}. The name decides for {@code .txt}, {@code .md}, {@code
   * .markdown} and {@code .jsonl} (each also with {@code .gz}); for {@code .json} and {@code
   * .json.gz} the first object of the top-level array is peeked at, reading only up to its
   * {@code conversation} (LoCoMo) or {@code haystack_sessions} (LongMemEval) field, never the whole
   * file. Gzip is recognised by content when reading, whatever the name says.
   *
   * @throws DatasetFormatException if the format is none of these (the message lists the accepted
   *     ones)
   * @throws java.io.UncheckedIOException if the file does not exist or cannot be read, naming the
   *     path
   */
  public static FileFormat detect(Path file) {
    DatasetInput.requireRegularFile(file);
    String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".txt")) {
      return TEXT;
    }
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return MARKDOWN;
    }
    if (name.endsWith(".jsonl")) {
      return CHAT_JSONL;
    }
    if (name.endsWith(".json")) {
      FileFormat peeked = peekJson(file);
      if (peeked != null) {
        return peeked;
      }
    }
    throw unknown(file);
  }

  private static DatasetFormatException unknown(Path file) {
    return new DatasetFormatException(
        file,
        0,
        null,
        "unknown file format for "
            + file.getFileName()
            + ": expected .txt, .md, .jsonl, LoCoMo .json or LongMemEval .json[.gz]");
  }

  /** LOCOMO or LONGMEMEVAL from the first array element's field names, or null. */
  private static FileFormat peekJson(Path file) {
    try (InputStream in = DatasetInput.open(file);
        JsonParser parser = JsonArrayReader.JSON.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_ARRAY
          || parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        if ("conversation".equals(field)) {
          return LOCOMO;
        }
        if ("haystack_sessions".equals(field)) {
          return LONGMEMEVAL;
        }
        parser.nextToken();
        parser.skipChildren();
      }
      return null;
    } catch (JsonProcessingException e) {
      return null;
    } catch (IOException e) {
      throw DatasetInput.ioError(file, e);
    }
  }
}
