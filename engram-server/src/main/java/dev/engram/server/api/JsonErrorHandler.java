package dev.engram.server.api;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error page for requests refused before they reach a route (ambiguous or malformed URIs
 * such as {@code %2e%2e} or encoded separators, bad headers): the same JSON error shape as the
 * API, never an HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int code, String message,
      Throwable cause, Callback callback) throws java.io.IOException {
    String text = "the request was refused by the HTTP layer"
        + (message == null || message.isBlank() ? "" : ": " + message);
    byte[] body = JsonBodies.MAPPER.writeValueAsBytes(JsonBodies.ErrorBody.of(
        code == 400 ? "bad_request" : "http_" + code, text));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public String toString() {
    return "JsonErrorHandler";
  }

}
