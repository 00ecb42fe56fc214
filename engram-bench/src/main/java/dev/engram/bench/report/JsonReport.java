package dev.engram.bench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;

/** Writes a {@link BenchReport} as indented JSON. Thread-safe. */
public final class JsonReport {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  /** The report as UTF-8 JSON bytes. */
  public static byte[] bytes(BenchReport report) {
    try {
      return (JSON.writeValueAsString(report) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the report", e);
    }
  }

  /** {@code value} as one line of JSON (for JSON Lines files). */
  public static String line(Object value) {
    try {
      return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }
}
