/**
 * Synthetic generators of {@code engram bench}: long-context probes built from public-domain books
 * and deterministic from a seed.
 *
 * <ul>
 *   <li>{@code needle}: the needle grid. One haystack per size (and repeat), made of book sentences
 *       in a seeded order, remembered as {@link dev.engram.model.Document}s (pages); one distinct
 *       needle fact per depth is planted in the same haystack (multi-insert) and each is asked on
 *       its own. Reports retrieval hits, packed positions, reader hits, the position curve and the
 *       mid-sequence drop.
 *   <li>{@code threads}: multi-needle sets asked together, and key-to-key threads followed forward
 *       and backward with an iterative hop loop over {@link dev.engram.Engram#recall}.
 *   <li>{@code order}: SORT-style "which came first" questions over book excerpts, answered from
 *       the recalled items' timeline positions.
 *   <li>{@code scale}: one subject grown to a million items in a Lucene store; latency and ANN
 *       recall@10 against an exact scan at each step.
 * </ul>
 *
 * <p>Books are read by path at run time and never copied. Every random choice comes from a
 * {@link java.util.SplittableRandom} derived from {@code --seed} (see {@link
 * dev.engram.bench.synthetic.Seeds}), so (seed, parameters, books) give byte-identical haystacks
 * and questions. Reports are JSON, Markdown and PNG charts, each written atomically.
 */
package dev.engram.bench.synthetic;
