package dev.engram.lucene;

import dev.engram.store.StoreException;
import dev.engram.store.StoreLockedException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NativeFSLockFactory;
import org.apache.lucene.util.IOUtils;

/**
 * One store's Lucene index and the locks around it.
 *
 * <p>Writable: an {@link IndexWriter} holding {@code write.lock} (a native OS lock, released by
 * the OS even after kill -9) and a {@link SearcherManager} refreshed after every commit and, inside
 * a {@link #batch}, lazily: before the first read (or reading change) after a write. Read-only:
 * a {@link SearcherManager} over the last commit, refreshed before every read so it sees other
 * processes' commits; no lock is taken.
 *
 * <p>Every call holds the lifecycle read lock, so {@link #close()} waits for calls in flight.
 * Writes are serialised by their own lock and end with a commit, so readers never wait for one.
 * A write that fails is rolled back and the index refuses further writes (reads go on).
 */
final class StoreIndex implements Closeable {
  /** A read against a point-in-time searcher. */
  @FunctionalInterface
  interface Search<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /**
   * Thrown by a {@link Change} that rejects its input before touching the writer: the store stays
   * writable and the cause (an {@link IllegalArgumentException}) reaches the caller.
   */
  static final class RejectedChange extends RuntimeException {
    RejectedChange(IllegalArgumentException cause) {
      super(cause);
    }
  }

  /** A change; {@code current} shows every committed change, as the change starts. */
  @FunctionalInterface
  interface Change<T> {
    T apply(IndexWriter writer, IndexSearcher current) throws IOException;
  }

  private final Path dataDir;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private final Lock writes = new ReentrantLock();
  /** Nesting depth of {@link #batch} on the writing thread (guarded by {@link #writes}). */
  private int batchDepth;
  /**
   * Per-batch counters for {@link #nextInBatch} (guarded by {@link #writes}), cleared at each
   * commit.
   */
  private final Map<String, Long> batchCounters = new HashMap<>();
  /**
   * Whether the writer holds changes that the searchers do not show yet. Only a batch leaves it
   * set: refreshing after each of its writes flushed a tiny segment per write, which made a bulk
   * import spend half its time in Lucene flushes and merges.
   */
  private volatile boolean unrefreshed;
  private final AtomicLong pendingShown = new AtomicLong();
  private boolean closed;
  private Exception failure;

  private StoreIndex(
      Path dataDir, Directory directory, IndexWriter writer, SearcherManager searchers) {
    this.dataDir = dataDir;
    this.directory = directory;
    this.writer = writer;
    this.searchers = searchers;
  }

  /**
   * Opens or creates the index in {@code indexDir} for writing, taking its write lock.
   *
   * @throws StoreLockedException if another writer holds the lock
   */
  static StoreIndex openWritable(
      Path dataDir, Path indexDir, Analyzer analyzer, StoreManifest manifest) {
    Directory directory = null;
    IndexWriter writer = null;
    try {
      directory = new SyncOnceDirectory(FSDirectory.open(indexDir, NativeFSLockFactory.INSTANCE));
      writer = new IndexWriter(directory, config(analyzer));
      manifest.requireSameCommitData(commitData(writer), dataDir);
      writer.setLiveCommitData(manifest.toMap().entrySet());
      writer.commit();
      return new StoreIndex(dataDir, directory, writer, new SearcherManager(writer, searchers()));
    } catch (LockObtainFailedException e) {
      IOUtils.closeWhileHandlingException(directory);
      throw new StoreLockedException("store " + dataDir
          + " is locked by another writer (is another engram process running?)", e);
    } catch (IOException | RuntimeException e) {
      abandon(writer, directory);
      throw e instanceof StoreException known ? known
          : new StoreException("cannot open store " + dataDir + ": " + e, e);
    }
  }

  /** Opens the last commit of the index in {@code indexDir} for reading only. */
  static StoreIndex openReadOnly(Path dataDir, Path indexDir, StoreManifest manifest) {
    if (!Files.isDirectory(indexDir)) {
      throw new StoreException("no Engram index at " + indexDir);
    }
    Directory directory = null;
    DirectoryReader reader = null;
    try {
      directory = FSDirectory.open(indexDir, NativeFSLockFactory.INSTANCE);
      if (!DirectoryReader.indexExists(directory)) {
        throw new StoreException("no Engram index at " + indexDir);
      }
      reader = DirectoryReader.open(directory);
      manifest.requireSameCommitData(reader.getIndexCommit().getUserData(), dataDir);
      return new StoreIndex(dataDir, directory, null, new SearcherManager(reader, searchers()));
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(reader, directory);
      throw e instanceof StoreException known ? known
          : new StoreException("cannot open store " + dataDir + " read-only: " + e, e);
    }
  }

  /** Runs {@code search} on the newest searcher. */
  <T> T read(Search<T> search) {
    Lock lock = lifecycle.readLock();
    lock.lock();
    try {
      ensureOpen();
      if (writer == null || unrefreshed) {
        refresh();
      }
      IndexSearcher searcher = searchers.acquire();
      try {
        return search.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new StoreException("cannot read store " + dataDir + ": " + e, e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code change}, commits (durable on return: Lucene fsyncs the files and the commit point)
   * and refreshes the searchers; inside a {@link #batch} the commit waits for the batch's end.
   * The change's {@code current} searcher shows every earlier write, the batch's too. On failure
   * nothing of the change is kept.
   *
   * @throws StoreException if the index is read-only, an earlier write failed, or this one fails
   */
  <T> T write(Change<T> change) {
    return write(change, true);
  }

  /**
   * Like {@link #write}, but inside a batch the change's {@code current} searcher may lack the
   * batch's latest writes (no refresh is forced for it): for changes that read nothing, or only
   * what no write of the batch changes (or what {@link #nextInBatch} tracks).
   */
  <T> T writeBlind(Change<T> change) {
    return write(change, false);
  }

  /** Reads a counter's stored value from the index. */
  @FunctionalInterface
  interface StoredCount {
    long read() throws IOException;
  }

  /**
   * The next value of a counter that only this index's writes raise (an audit version): the
   * {@code stored} value plus one the first time in a batch (or outside one), then one more than
   * the value before, without reading the index again. Lets a {@link #writeBlind} change number
   * its document without a refresh. Call only from inside a change, with {@code stored} reading
   * its {@code current} searcher, which holds every write before the batch.
   */
  long nextInBatch(String key, StoredCount stored) throws IOException {
    Long last = batchCounters.get(key);
    long next = (last != null ? last : stored.read()) + 1;
    batchCounters.put(key, next);
    return next;
  }

  private <T> T write(Change<T> change, boolean fresh) {
    Lock lock = lifecycle.readLock();
    lock.lock();
    try {
      ensureOpen();
      if (writer == null) {
        throw new StoreException("store opened read-only: " + dataDir);
      }
      writes.lock();
      try {
        return commitChange(change, fresh);
      } finally {
        writes.unlock();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code work}, whose writes through {@link #write} become one commit at its end: durable
   * together when this returns, and none of them after a crash before. Changes inside see each
   * other (near-real-time searchers). Batches nest; only the outermost commits. When a write
   * fails in the index, nothing of the batch is kept and the index refuses further writes, as
   * after any failed write; when {@code work} throws otherwise (a refused argument), what it wrote
   * so far is committed, as separate writes would have been, and the exception propagates.
   *
   * @throws StoreException if the index is read-only, an earlier write failed, or this one fails
   */
  <T> T batch(java.util.function.Supplier<T> work) {
    Lock lock = lifecycle.readLock();
    lock.lock();
    try {
      ensureOpen();
      if (writer == null) {
        throw new StoreException("store opened read-only: " + dataDir);
      }
      writes.lock();
      try {
        batchDepth++;
        T result;
        try {
          result = work.get();
        } catch (RuntimeException e) {
          if (batchDepth == 1 && failure == null) {
            // A change refused as a bad argument (the index is fine): keep what the batch wrote,
            // as separate writes would have, rather than close the writer over it.
            batchDepth--;
            try {
              commitChange((w, current) -> null, false);
            } finally {
              batchDepth++;
            }
          }
          throw e;
        } finally {
          batchDepth--;
        }
        if (batchDepth == 0) {
          commitChange((w, current) -> null, false);
        }
        return result;
      } finally {
        writes.unlock();
      }
    } finally {
      lock.unlock();
    }
  }

  private <T> T commitChange(Change<T> change, boolean fresh) {
    if (failure != null) {
      throw new StoreException("store " + dataDir + " refuses writes after a failed write ("
          + failure + "); close and reopen it", failure);
    }
    boolean committed = false;
    try {
      if (fresh && unrefreshed) {
        refresh();
      }
      IndexSearcher current = searchers.acquire();
      try {
        T result = change.apply(writer, current);
        if (batchDepth > 0) {
          unrefreshed = true;
          return result;
        }
        writer.commit();
        committed = true;
        batchCounters.clear();
        refresh();
        return result;
      } finally {
        searchers.release(current);
      }
    } catch (RejectedChange e) {
      throw (IllegalArgumentException) e.getCause();
    } catch (IOException | RuntimeException e) {
      failure = e;
      // The rollback drops the batch's pending writes and closes the writer: there is nothing
      // left to refresh, and trying would fail every read. Reads go on from the last searcher.
      unrefreshed = false;
      IOUtils.closeWhileHandlingException(writer::rollback);
      throw new StoreException("write to store " + dataDir + (committed
          ? " was committed, but the searchers could not see it: "
          : " failed and was rolled back, nothing changed: ") + e, e);
    }
  }

  /**
   * Makes the searchers show every change so far. The flag is cleared before refreshing, so a
   * write that lands during the refresh sets it again; a failed refresh sets it again too.
   */
  private void refresh() throws IOException {
    boolean pending = unrefreshed;
    unrefreshed = false;
    try {
      if (pending) {
        pendingShown.incrementAndGet();
      }
      searchers.maybeRefreshBlocking();
    } catch (IOException | RuntimeException e) {
      unrefreshed = pending || unrefreshed;
      throw e;
    }
  }

  /**
   * How many refreshes had a batch's pending writes to show (each flushes a segment; for tests:
   * a bulk write should show them once, at its commit).
   */
  long pendingShown() {
    return pendingShown.get();
  }

  /** The generation of the index's last commit (grows by one per commit; for tests). */
  long commitGeneration() {
    try {
      return org.apache.lucene.index.SegmentInfos.getLastCommitGeneration(directory);
    } catch (IOException e) {
      throw new StoreException("cannot read the commit generation of " + dataDir + ": " + e, e);
    }
  }

  /** Whether this index was opened read-only. */
  boolean readOnly() {
    return writer == null;
  }

  /** Closes searchers, writer (releasing the lock) and directory; idempotent. */
  @Override
  public void close() {
    Lock lock = lifecycle.writeLock();
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      IOUtils.close(searchers, writer == null || !writer.isOpen() ? null : writer, directory);
    } catch (IOException e) {
      throw new StoreException("cannot close store " + dataDir + ": " + e, e);
    } finally {
      lock.unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("store is closed");
    }
  }

  private static IndexWriterConfig config(Analyzer analyzer) {
    return new IndexWriterConfig(analyzer)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setSimilarity(new BM25Similarity())
        .setCodec(new WideVectorCodec())
        // Forgetting rewrites every segment that holds a deletion (see forceMergeDeletes).
        .setMergePolicy(new TieredMergePolicy().setForceMergeDeletesPctAllowed(0))
        .setCommitOnClose(true);
  }

  private static SearcherFactory searchers() {
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
        IndexSearcher searcher = new IndexSearcher(reader, SearchThreads.shared());
        searcher.setSimilarity(new BM25Similarity());
        return searcher;
      }
    };
  }

  private static Map<String, String> commitData(IndexWriter writer) {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
    }
    return data;
  }

  private static void abandon(IndexWriter writer, Directory directory) {
    if (writer != null) {
      IOUtils.closeWhileHandlingException(writer::rollback);
    }
    IOUtils.closeWhileHandlingException(directory);
  }
}
