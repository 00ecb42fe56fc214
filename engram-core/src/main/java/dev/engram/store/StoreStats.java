package dev.engram.store;

/**
 * Counts for a whole store.
 *
 * @param items items across all tenants and subjects
 * @param subjects distinct (tenant, subject) pairs
 * @param bytesOnDisk bytes of the store's files; 0 for memory-only stores
 */
public record StoreStats(long items, long subjects, long bytesOnDisk) {}
