package dev.engram.server.api;

import dev.engram.Engram;
import dev.engram.server.auth.ApiKey;
import io.javalin.http.Context;

/**
 * What an authenticated request may touch: the memory of its key's tenant and nothing else. The
 * authentication filter attaches it; handlers take their {@link Engram} from here only, so no
 * request value (path, query, body) can select a tenant.
 *
 * @param key the key that authenticated the request
 * @param memory the memory bound to {@code key.tenant()}
 */
public record TenantScope(ApiKey key, Engram memory) {
  private static final String ATTRIBUTE = TenantScope.class.getName();

  public TenantScope {
    if (!key.tenant().equals(memory.tenant())) {
      throw new IllegalStateException("scope mismatch: key of tenant " + key.tenant()
          + " with memory of tenant " + memory.tenant());
    }
  }

  /** Attaches the scope to the request. */
  public void attach(Context ctx) {
    ctx.attribute(ATTRIBUTE, this);
  }

  /** The request's scope. @throws ApiError 401 when the request was not authenticated */
  public static TenantScope of(Context ctx) {
    TenantScope scope = ctx.attribute(ATTRIBUTE);
    if (scope == null) {
      throw ApiError.unauthorized();
    }
    return scope;
  }

  /** The scope if the request was authenticated, else null (for logging). */
  public static TenantScope orNull(Context ctx) {
    return ctx.attribute(ATTRIBUTE);
  }
}
