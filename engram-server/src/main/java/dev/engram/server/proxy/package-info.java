/**
 * The OpenAI-compatible memory proxy: an application changes its base URL to the Engram server
 * and gets memory. {@link dev.engram.server.proxy.ChatProxy} recalls for the subject, injects the
 * packed context as a system message, forwards with {@link java.net.http.HttpClient} (bytes pass
 * through, server-sent events are flushed event by event), and remembers the exchange once the
 * upstream has answered completely; a failed or cut-off answer is not remembered.
 */
package dev.engram.server.proxy;
