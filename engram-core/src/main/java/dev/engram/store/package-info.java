/**
 * Storage: the {@link dev.engram.store.MemoryStore} SPI that every backend implements (a lexical
 * index, a vector index and the stored items, scoped by tenant and subject, durable on return),
 * its value types, and {@link dev.engram.store.InMemoryMemoryStore}, an exact, memory-only
 * reference implementation. One contract suite ({@code MemoryStoreContract}, in the test-jar)
 * runs against every store.
 */
package dev.engram.store;
