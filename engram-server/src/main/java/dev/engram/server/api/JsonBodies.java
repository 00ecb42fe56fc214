package dev.engram.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads request bodies with a size limit and writes JSON responses. Strict: unknown fields,
 * trailing garbage and wrong types are 400s that name the field.
 *
 * <p>Thread-safe.
 */
public final class JsonBodies {
  /** The shared mapper: strict on input. */
  public static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  static {
    // "query": 1e999999 must not become the string "Infinity": text fields take JSON strings only
    MAPPER.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
  }

  private final long maxBytes;

  public JsonBodies(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** The body's bytes. @throws ApiError 413 when longer than the limit */
  public byte[] bytes(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      throw ApiError.tooLarge(maxBytes);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] buffer = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (buffer.length > maxBytes) {
        throw ApiError.tooLarge(maxBytes);
      }
      return buffer;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body parsed as {@code type}. @throws ApiError 400 naming what is wrong */
  public <T> T read(Context ctx, Class<T> type) {
    byte[] body = bytes(ctx);
    if (body.length == 0) {
      throw ApiError.badRequest("malformed_json", "request body must be a JSON object");
    }
    try {
      T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw ApiError.badRequest("malformed_json", "request body must be a JSON object");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw ApiError.badRequest("unknown_field", "unknown field '" + e.getPropertyName()
          + "'; known: " + e.getKnownPropertyIds());
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw ApiError.badRequest("invalid_argument", cause.getMessage());
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("malformed_json", "request body is not valid JSON for this route: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body as a JSON tree (for the proxy, which passes unknown fields through). */
  public JsonNode tree(Context ctx) {
    byte[] body = bytes(ctx);
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw ApiError.badRequest("malformed_json", "request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("malformed_json", "request body is not valid JSON: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code value} as the JSON response with {@code status}. */
  public static void send(Context ctx, int status, Object value) {
    try {
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /** Writes an error response. */
  public static void sendError(Context ctx, ApiError error) {
    send(ctx, error.status(), ErrorBody.of(error.code(), error.getMessage()));
  }

  /** {@code {"error": {"code": ..., "message": ...}}}, fields in that order. */
  public record ErrorBody(Detail error) {
    public static ErrorBody of(String code, String message) {
      return new ErrorBody(new Detail(code, message));
    }

    public record Detail(String code, String message) {}
  }

}
