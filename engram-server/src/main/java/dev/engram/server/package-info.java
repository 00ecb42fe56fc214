/**
 * The Engram server ({@code engram serve}): a multi-tenant memory service beside applications
 * written in any language. {@link dev.engram.server.EngramServer} runs Javalin (Jetty 12) over one
 * store shared by all tenants; each tenant gets its own {@link dev.engram.Engram} bound to it
 * ({@code TenantMemories}), and a request reaches a tenant only through its API key, so no id,
 * path, filter or query can name another tenant's memory. Configuration is one record,
 * {@link dev.engram.server.ServerConfig}; the routes are documented in {@code openapi.json}.
 */
package dev.engram.server;
