package dev.engram.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;

/**
 * Fsyncs each index file once. Lucene 9 fsyncs every file of every segment at each commit, which
 * for a store that commits after every small write means dozens of fsyncs (a device cache flush
 * each) per {@code add()}. Lucene files are write-once (never reopened for writing, names never
 * reused), so a file synced once stays durable and syncing it again is wasted; new files and the
 * commit point itself are still synced before a commit is published.
 */
final class SyncOnceDirectory extends FilterDirectory {
  private final Set<String> synced = ConcurrentHashMap.newKeySet();

  SyncOnceDirectory(Directory in) {
    super(in);
  }

  @Override
  public void sync(Collection<String> names) throws IOException {
    List<String> fresh = new ArrayList<>();
    for (String name : names) {
      if (!synced.contains(name)) {
        fresh.add(name);
      }
    }
    super.sync(fresh);
    synced.addAll(fresh);
  }

  @Override
  public void rename(String source, String dest) throws IOException {
    super.rename(source, dest);
    if (synced.remove(source)) {
      synced.add(dest);
    }
  }

  @Override
  public void deleteFile(String name) throws IOException {
    super.deleteFile(name);
    synced.remove(name);
  }
}
