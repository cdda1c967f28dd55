package org.crisisdesk.search;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;

/**
 * Reads the commits of an index that another process keeps (another desk on the same home): what each commit covers
 * is in its own user data, everything newer is scanned. At most one look a second. Owned by the index's thread.
 */
final class IndexFollower {
    private static final long LOOK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Directory dir;
    private final IndexCommitData commits;
    private SearcherManager searchers;
    private long lastLook;

    IndexFollower(Directory dir, IndexCommitData commits) {
        this.dir = dir;
        this.commits = commits;
    }

    /** True when it is time for another look (a second since the last, or nothing read yet). */
    boolean due() {
        long now = System.nanoTime();
        if (now - lastLook < LOOK_NANOS && searchers != null) {
            return false;
        }
        lastLook = now;
        return true;
    }

    /**
     * Reads the latest commit: its searchers when that commit is this database's, null when it is not, and the
     * searchers of before (perhaps null) when nothing is committed yet.
     */
    SearcherManager refresh() throws IOException {
        if (searchers == null) {
            if (!DirectoryReader.indexExists(dir)) {
                return null;
            }
            searchers = new SearcherManager(DirectoryReader.open(dir), IndexSchema.NO_CACHE);
        } else {
            searchers.maybeRefreshBlocking();
        }
        IndexSearcher s = searchers.acquire();
        try {
            Map<String, String> data = ((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData();
            return commits.staleReason(data) == null ? searchers : null;
        } finally {
            searchers.release(s);
        }
    }

    /** Lets go of what it read; the next look reads the latest commit afresh. */
    void close() {
        try {
            if (searchers != null) {
                searchers.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // being replaced
        }
        searchers = null;
    }
}
