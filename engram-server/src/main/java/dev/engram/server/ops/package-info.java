/**
 * Operations: Prometheus metrics ({@link dev.engram.server.ops.Metrics}, hand-written exposition
 * with no dependency), structured {@code key=value} logs that never carry keys or bodies
 * ({@link dev.engram.server.ops.AccessLog}), and the write tracker that lets a graceful shutdown
 * finish every write it has accepted ({@link dev.engram.server.ops.InFlightWrites}).
 */
package dev.engram.server.ops;
