/**
 * The JSON REST API. {@link dev.engram.server.api.MemoryRoutes} maps routes onto one tenant's
 * {@link dev.engram.Engram}, taken from the request's {@link dev.engram.server.api.TenantScope};
 * {@link dev.engram.server.api.JsonBodies} reads bodies strictly under a size limit; every error is
 * {@code {"error": {"code": ..., "message": ...}}} ({@link dev.engram.server.api.ApiError}).
 */
package dev.engram.server.api;
