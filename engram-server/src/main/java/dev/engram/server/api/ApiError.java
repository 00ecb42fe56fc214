package dev.engram.server.api;

/**
 * An error answered as {@code {"error": {"code": ..., "message": ...}}} with an HTTP status.
 * Messages name the problem and never echo keys or other tenants' data.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;

  public ApiError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** 400: the request is malformed or a value is invalid. */
  public static ApiError badRequest(String code, String message) {
    return new ApiError(400, code, message);
  }

  /** 401: no key, or one that is unknown, forged or revoked (deliberately not told apart). */
  public static ApiError unauthorized() {
    return new ApiError(401, "unauthorized",
        "a valid API key is required: send 'Authorization: Bearer <key>'");
  }

  /** 404: the tenant has nothing by that name (whether or not another tenant has). */
  public static ApiError notFound(String what) {
    return new ApiError(404, "not_found", what + " not found");
  }

  /** 413: the body is over the limit. */
  public static ApiError tooLarge(long limit) {
    return new ApiError(413, "body_too_large", "request body must be at most " + limit + " bytes");
  }
}
