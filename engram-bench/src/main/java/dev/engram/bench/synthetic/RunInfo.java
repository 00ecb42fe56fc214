package dev.engram.bench.synthetic;

import java.util.List;

/**
 * What every generator report records about its run (the head of each JSON file).
 *
 * @param schema the report's schema id and version, e.g. {@code engram.bench.needle/1}
 * @param generator the generator version ({@link Vocabulary#VERSION}); probes are identical for
 *     the same generator, seed, parameters and books
 * @param seed the run's seed
 * @param embedder the embedder's model id
 * @param dimension the embedder's vector dimension
 * @param store {@code memory} or {@code lucene}
 * @param budget recall budget in estimated tokens (characters / 4)
 * @param books the book file names the text came from
 * @param command the command line that produced it
 * @param startedAt ISO-8601 instant the run started
 * @param wallSeconds wall time of the whole run
 * @param complete always true: a report is only written once its run finished
 */
record RunInfo(String schema, String generator, long seed, String embedder, int dimension,
    String store, int budget, List<String> books, String command, String startedAt,
    double wallSeconds, boolean complete) {}
