package dev.engram.lucene;

import static dev.engram.lucene.ItemDocuments.EVENT_TIME;
import static dev.engram.lucene.ItemDocuments.KEY;
import static dev.engram.lucene.ItemDocuments.OWNER;

import dev.engram.model.ItemKind;
import dev.engram.model.SubjectRef;
import dev.engram.model.Tier;
import dev.engram.store.ItemFilter;
import dev.engram.store.TimeRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Builds the store's queries. Scoping and time are always FILTER clauses (they match, they do not
 * score); user text never reaches a query parser, so no input is a syntax error.
 */
final class ItemQueries {
  /** Most distinct query terms used; stays well under Lucene's 1024-clause limit. */
  static final int MAX_QUERY_TERMS = 256;
  /** Fewest HNSW candidates a vector search asks for (recall is poor at small k). */
  static final int MIN_VECTOR_CANDIDATES = 100;

  private ItemQueries() {}

  /** Matches the subject's items. */
  static Query owner(SubjectRef owner) {
    return new TermQuery(new Term(OWNER, ItemDocuments.owner(owner)));
  }

  /** Matches documents with {@code field} = {@code value}. */
  static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }

  /** All clauses as FILTERs: matches what every clause matches, without scores. */
  static Query allOf(Query... filters) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (Query filter : filters) {
      query.add(filter, Occur.FILTER);
    }
    return query.build();
  }

  /** The subject's items whose event time lies in {@code range}. */
  static Query ownerIn(SubjectRef owner, TimeRange range) {
    return range.isAll() ? owner(owner) : allOf(owner(owner), eventTime(range));
  }

  /**
   * The subject's items that {@code filter} accepts, as FILTER clauses. Only cold items carry a
   * tier term and only superseded ones a superseded term, so documents written before those
   * existed count as hot and current.
   *
   * @param searchable restrict to hot items whatever the filter says (what searches see)
   */
  static Query ownerIn(SubjectRef owner, ItemFilter filter, boolean searchable) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(ownerIn(owner, filter.range()), Occur.FILTER);
    if (filter.kinds().size() < ItemKind.values().length) {
      List<BytesRef> kinds = new ArrayList<>();
      filter.kinds().forEach(kind -> kinds.add(new BytesRef(kind.name())));
      query.add(new TermInSetQuery(ItemDocuments.KIND, kinds), Occur.FILTER);
    }
    boolean hot = searchable || !filter.tiers().contains(Tier.COLD);
    boolean cold = !searchable && filter.tiers().contains(Tier.COLD);
    if (!hot && !cold) {
      return new MatchNoDocsQuery("no tier asked for");
    }
    Query coldTerm = term(ItemDocuments.TIER, Tier.COLD.name());
    if (hot && !cold) {
      query.add(coldTerm, Occur.MUST_NOT);
    } else if (cold && !filter.tiers().contains(Tier.HOT)) {
      query.add(coldTerm, Occur.FILTER);
    }
    if (searchable && !filter.tiers().contains(Tier.HOT)) {
      return new MatchNoDocsQuery("searches see only hot items");
    }
    if (!filter.includeSuperseded()) {
      query.add(term(ItemDocuments.SUPERSEDED, "1"), Occur.MUST_NOT);
    }
    return query.build();
  }

  /**
   * Event times in {@code range}, at millisecond precision: a bound with a sub-millisecond part is
   * rounded outward to the enclosing millisecond.
   */
  static Query eventTime(TimeRange range) {
    long lower = range.from() == null ? Long.MIN_VALUE : floorMillis(range.from());
    long end = range.to() == null ? Long.MAX_VALUE : ceilMillis(range.to());
    if (end == Long.MIN_VALUE) {
      return new MatchNoDocsQuery("time range ends before any representable event time");
    }
    return LongPoint.newRangeQuery(EVENT_TIME, lower, range.to() == null ? end : end - 1);
  }

  /**
   * BM25 over the key: one SHOULD clause per distinct analysed term of {@code text}, scoped by
   * FILTER clauses; empty when the text has no terms (only stopwords or punctuation).
   */
  static Optional<Query> text(Analyzer analyzer, String text, SubjectRef owner, ItemFilter filter) {
    Set<String> terms = analyse(analyzer, text);
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (String term : terms) {
      words.add(new TermQuery(new Term(KEY, term)), Occur.SHOULD);
    }
    return Optional.of(new BooleanQuery.Builder()
        .add(words.build(), Occur.MUST)
        .add(ownerIn(owner, filter, true), Occur.FILTER)
        .build());
  }

  /**
   * Approximate nearest neighbours among the subject's items in range. The filter is a pre-filter
   * (HNSW only visits matching documents, or Lucene scans them exactly when they are few).
   *
   * @param candidates the HNSW k, at least {@code limit}
   */
  static Query vector(float[] vector, int candidates, SubjectRef owner, ItemFilter filter) {
    return new KnnFloatVectorQuery(
        ItemDocuments.VECTOR, vector, candidates, ownerIn(owner, filter, true));
  }

  /**
   * How many candidates to ask HNSW for: max(limit, 100, sqrt(docs) / 4), but no more than there
   * are docs. The last term grows the beam with the index (250 at a million documents), because a
   * fixed k loses recall as graphs grow: at k = 100, recall@10 against exact search fell from 0.98
   * at 100k items to 0.92 at 1M (docs/bench-notes.md, targets).
   */
  static int candidates(int limit, int maxDoc) {
    int grown = (int) (Math.sqrt(Math.max(0, maxDoc)) / 4);
    return Math.max(1, Math.min(Math.max(limit, Math.max(MIN_VECTOR_CANDIDATES, grown)), maxDoc));
  }

  /** Lucene's DOT_PRODUCT score is (1 + cos) / 2; callers get the cosine back. */
  static double cosine(double score) {
    return 2.0 * score - 1.0;
  }

  private static Set<String> analyse(Analyzer analyzer, String text) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream tokens = analyzer.tokenStream(KEY, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        if (terms.size() < MAX_QUERY_TERMS) {
          terms.add(term.toString());
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse query text", e);
    }
    return terms;
  }

  private static long floorMillis(Instant time) {
    try {
      return time.toEpochMilli();
    } catch (ArithmeticException e) {
      return time.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  private static long ceilMillis(Instant time) {
    long floor = floorMillis(time);
    boolean exact = time.getNano() % 1_000_000 == 0;
    return exact || floor == Long.MAX_VALUE ? floor : floor + 1;
  }
}
