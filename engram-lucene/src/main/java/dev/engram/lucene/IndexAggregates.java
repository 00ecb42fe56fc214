package dev.engram.lucene;

import dev.engram.store.SubjectStats;
import java.io.IOException;
import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/** Counts over the index that need no stored fields: subject stats and the live owners. */
final class IndexAggregates {
  private IndexAggregates() {}

  /** Sums tokens and takes the highest subjectSeq of the matching documents, from doc values. */
  static CollectorManager<StatsCollector, SubjectStats> subjectStats() {
    return subjectStats(Long.MAX_VALUE);
  }

  /**
   * As {@link #subjectStats()}, but the collectors stop once their tokens together pass
   * {@code tokenLimit} (then the result is a lower bound, with tokens above the limit).
   */
  static CollectorManager<StatsCollector, SubjectStats> subjectStats(long tokenLimit) {
    AtomicLong sharedTokens = new AtomicLong();
    return new CollectorManager<>() {
      @Override
      public StatsCollector newCollector() {
        return new StatsCollector(sharedTokens, tokenLimit);
      }

      @Override
      public SubjectStats reduce(Collection<StatsCollector> collectors) {
        long items = 0;
        long tokens = 0;
        long last = -1;
        for (StatsCollector collector : collectors) {
          items += collector.items;
          tokens += collector.tokens;
          last = Math.max(last, collector.lastSubjectSeq);
        }
        return items == 0 ? SubjectStats.EMPTY : new SubjectStats(items, tokens, last);
      }
    };
  }

  /**
   * The owner terms starting with {@code prefix} that at least one live document holds, sorted.
   * Terms of deleted documents linger until segments merge, hence the live-docs check.
   */
  static TreeSet<String> liveOwners(IndexReader reader, String prefix) throws IOException {
    TreeSet<String> owners = new TreeSet<>();
    BytesRef start = new BytesRef(prefix);
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(ItemDocuments.OWNER);
      if (terms == null) {
        continue;
      }
      Bits liveDocs = leaf.reader().getLiveDocs();
      TermsEnum termsEnum = terms.iterator();
      if (termsEnum.seekCeil(start) == TermsEnum.SeekStatus.END) {
        continue;
      }
      PostingsEnum postings = null;
      for (BytesRef term = termsEnum.term(); term != null && StringHelper.startsWith(term, start);
          term = termsEnum.next()) {
        postings = termsEnum.postings(postings, PostingsEnum.NONE);
        if (hasLiveDoc(postings, liveDocs)) {
          owners.add(term.utf8ToString());
        }
      }
    }
    return owners;
  }

  private static boolean hasLiveDoc(PostingsEnum postings, Bits liveDocs) throws IOException {
    for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = postings.nextDoc()) {
      if (liveDocs == null || liveDocs.get(doc)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Collects count, token sum and max subjectSeq; one per search slice. The slices of one search
   * share a running token total and all stop once it passes the limit.
   */
  static final class StatsCollector extends SimpleCollector {
    private final AtomicLong sharedTokens;
    private final long tokenLimit;
    private long items;
    private long tokens;
    private long lastSubjectSeq = -1;
    private NumericDocValues tokenValues;
    private NumericDocValues seqValues;

    StatsCollector(AtomicLong sharedTokens, long tokenLimit) {
      this.sharedTokens = sharedTokens;
      this.tokenLimit = tokenLimit;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      if (sharedTokens.get() > tokenLimit) {
        throw new CollectionTerminatedException(); // skips this segment
      }
      tokenValues = DocValues.getNumeric(context.reader(), ItemDocuments.TOKENS);
      seqValues = DocValues.getNumeric(context.reader(), ItemDocuments.SUBJECT_SEQ);
    }

    @Override
    public void collect(int doc) throws IOException {
      items++;
      long docTokens = tokenValues.advanceExact(doc) ? tokenValues.longValue() : 0;
      tokens += docTokens;
      if (seqValues.advanceExact(doc)) {
        lastSubjectSeq = Math.max(lastSubjectSeq, seqValues.longValue());
      }
      if (tokenLimit != Long.MAX_VALUE && sharedTokens.addAndGet(docTokens) > tokenLimit) {
        throw new CollectionTerminatedException(); // ends this segment; the next ones skip
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
