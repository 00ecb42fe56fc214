/**
 * Service-provider interfaces: one-method factories that backend modules register under
 * {@code META-INF/services}, so {@code Engram.open(dir)} finds the Lucene store and the bundled
 * embedder without the core depending on them.
 */
package dev.engram.spi;
