/**
 * Readers that turn files into what Engram remembers: {@link dev.engram.model.Session sessions} of
 * {@link dev.engram.model.Message messages}, and {@link dev.engram.model.Document documents}.
 *
 * <p>Two audiences use them. The CLI ingests a user's own material: chat logs in JSON Lines
 * ({@link dev.engram.datasets.ChatLogReader}) and text or Markdown files ({@link
 * dev.engram.datasets.DocumentReader}); {@link dev.engram.datasets.FileFormat#detect} tells the
 * kinds apart. {@code engram bench} reads the public benchmarks in their official formats, LoCoMo
 * ({@link dev.engram.datasets.LocomoReader}) and LongMemEval ({@link
 * dev.engram.datasets.LongMemEvalReader}), with the questions, gold answers and evidence beside the
 * sessions. Message ids are the datasets' own turn ids ({@code D3:7}, {@code <session>:<turn>}),
 * so a benchmark can tell whether a recalled memory holds the evidence.
 *
 * <p>Every reader takes any file in its format by path, plain or gzipped (gzip is recognised by its
 * magic bytes). Large files are streamed: chat logs line by line, benchmark files one record at a
 * time with Jackson's streaming parser.
 *
 * <p>Errors are of two kinds. Content that does not fit the format throws (or, for chat logs,
 * returns) a {@link dev.engram.datasets.DatasetFormatException} whose message names the file, the
 * line or record, the field, what was expected and what was found. A file that cannot be read at
 * all (missing, a directory, access denied) throws {@link java.io.UncheckedIOException} naming the
 * path. Readers never partially apply anything: they only build values, and a chat log's error
 * comes with the sessions read before it so the caller decides what to keep.
 *
 * <p>All readers are stateless and thread-safe.
 */
package dev.engram.datasets;
