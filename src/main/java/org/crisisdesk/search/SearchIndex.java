package org.crisisdesk.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.TextIndex;
import org.crisisdesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The text-search index (issue #8, figure 4): Lucene over the character bigrams of every mention ({@link Grams}), a
 * candidate filter in front of the store's exact {@code LIKE}. Derived data in {@code HOME/search-index}: it can be
 * deleted at any time and rebuilds itself from the database.
 *
 * <p>All writing happens on one thread (the executor given to {@link #open}): opening, catching up from the database
 * ({@code pk > highest indexed}, in batches), after each ingest commit ({@link #changed()}, coalesced), and every few
 * seconds in case another process stored mentions. The commit user data records what is indexed and for which
 * database, so a restart only reads what is new, and a different or restored database is noticed and rebuilt.
 *
 * <p>What it covers: every stored mention with {@code pk <= covered}. Mentions are indexed as their commits become
 * visible, which need not be in pk order (two writers); a missing pk is a gap that holds {@code covered} back until
 * the row turns up or, after {@link IndexWriting#GRACE}, is taken to be a rolled-back insert. Mentions above
 * {@code covered} are scanned by the store, so a search is complete while the index catches up, and when the index is
 * missing, broken or held by another desk on the same home, every search scans (slower, same results).
 *
 * <p>This class opens the index, answers searches and keeps the index's thread; its parts: {@link IndexSchema} (the
 * documents, writers and searchers), {@link IndexedSnapshot} (the query), {@link IndexWriting} (catching up, the
 * publish and commit policy), {@link PkGaps} (missing pks), {@link BulkImportWatch} (holding back during a bulk import),
 * {@link IndexCommitData} (what a commit records, when an index is stale) and {@link IndexFollower} (reading the index
 * another process keeps, until this one can take it over). A broken index is rebuilt here, at most twice a run.
 */
public final class SearchIndex implements TextIndex, AutoCloseable {
    /** The index's folder inside the app home. */
    public static final String DIR = "search-index";

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final int MAX_REBUILDS = 2;

    private final Path path;
    private final IndexCommitData commits;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final BulkImportWatch bulk;
    private volatile boolean closed;
    /** What searches use; null while the index cannot answer. */
    private volatile Live live;

    // Owned by the executor's thread.
    private Directory dir;
    /** The writer's side while this process keeps the index. */
    private final IndexWriting writing;
    private int rebuilds;
    /** Set while another process keeps the index: this one only reads its commits. */
    private IndexFollower follower;

    /** A follower's searchers read another process's commits; what each covers is in its own commit data. */
    private record Live(SearcherManager searchers, long covered, boolean follower) {}

    private SearchIndex(Path path, String database, MentionStore store, ScheduledExecutorService executor,
            double bulkRate) {
        this.bulk = new BulkImportWatch(bulkRate);
        this.path = path;
        this.commits = new IndexCommitData(database, store);
        this.executor = executor;
        this.writing = new IndexWriting(path, store, commits,
                (searchers, covered) -> live = new Live(searchers, covered, false), this::passAgainIn, () -> closed,
                this::waitForBulkImport);
    }

    /**
     * Starts opening (and catching up) the index at {@code path} on {@code executor} (a single thread, owned by the
     * caller, shut down after {@link #close()}); returns at once. Until the index is ready every search scans.
     *
     * @param database what identifies the database (its location), recorded so another database is noticed
     */
    public static SearchIndex open(Path path, String database, MentionStore store,
            ScheduledExecutorService executor) {
        return open(path, database, store, executor, Duration.ofSeconds(5));
    }

    /** As above, looking for mentions stored by other processes every {@code period}. */
    static SearchIndex open(Path path, String database, MentionStore store, ScheduledExecutorService executor,
            Duration period) {
        return open(path, database, store, executor, period, BulkImportWatch.BULK_RATE);
    }

    /** As above, with the rate of new mentions a second above which indexing waits for a bulk import. */
    static SearchIndex open(Path path, String database, MentionStore store, ScheduledExecutorService executor,
            Duration period, double bulkRate) {
        SearchIndex index = new SearchIndex(path, database, store, executor, bulkRate);
        try {
            executor.execute(index::openIndex);
            executor.scheduleWithFixedDelay(index::changed, period.toMillis(), period.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.warn("The search index was not opened (shutting down); text search scans the database");
        }
        return index;
    }

    /** Removes the index of a home (after a restore: it belongs to the replaced database). */
    public static void discard(Path home) throws IOException {
        Path p = home.resolve(DIR);
        if (Files.exists(p)) {
            try (var files = Files.walk(p)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- searching

    @Override
    public Snapshot snapshot(String query, boolean caseless) {
        Live l = live;
        if (l == null || closed) {
            return null;
        }
        Set<String> grams = Grams.ofQuery(query, caseless);
        if (grams.isEmpty()) {
            return null;
        }
        IndexSearcher searcher;
        try {
            searcher = l.searchers.acquire();
        } catch (IOException | RuntimeException e) {
            return null; // closing or being rebuilt just now: scan
        }
        long covered = l.follower ? commits.covered(searcher) : l.covered;
        if (covered < 0) {
            try {
                l.searchers.release(searcher);
            } catch (IOException | RuntimeException ignored) {
                // scanning instead
            }
            return null;
        }
        return new IndexedSnapshot(l.searchers, searcher, covered, grams, this::readFailed);
    }

    /**
     * Every mention with {@code pk <= covered()} is searchable through the index; -1 while it cannot answer.
     */
    public long covered() {
        Live l = live;
        if (l == null || !l.follower) {
            return l == null ? -1 : l.covered;
        }
        try {
            IndexSearcher s = l.searchers.acquire();
            try {
                return commits.covered(s);
            } finally {
                l.searchers.release(s);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Mentions written to the index since it was opened (all of them after a rebuild; the new ones after a restart). */
    public long indexedSinceOpen() {
        return writing.indexedSinceOpen();
    }

    /** Waits until the index covers {@code pk} (benches and tests); false on timeout or when it cannot get there. */
    public boolean awaitCovered(long pk, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (covered() < pk) {
            if (System.nanoTime() > deadline || closed) {
                return false;
            }
            changed();
            Thread.sleep(20);
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------- writing

    @Override
    public void stored(int rows) {
        bulk.stored(rows);
        changed();
    }

    /** True while a bulk import runs: the pass is tried again in half a second instead. Executor thread only. */
    private boolean waitForBulkImport() {
        if (!bulk.holdsIndexing()) {
            return false;
        }
        passAgainIn(BulkImportWatch.RATE_WINDOW_NANOS);
        return true;
    }

    private void passAgainIn(long nanos) {
        try {
            executor.schedule(this::changed, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    @Override
    public void changed() {
        if (closed || !pending.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::pass);
        } catch (RejectedExecutionException e) {
            pending.set(false); // shutting down
        }
    }

    private void openIndex() {
        if (closed) {
            return;
        }
        try {
            org.crisisdesk.store.OwnerOnly.createFolder(path); // 0700: the index holds people's words
            dir = FSDirectory.open(path);
        } catch (IOException e) {
            log.warn("The search index folder {} cannot be used ({}); text search scans the database", path,
                    e.getMessage());
            return;
        }
        if (!startWriting()) {
            log.warn("The search index {} is kept by another CrisisDesk on this home; this one reads what that one "
                    + "has saved and scans the rest (same results), and keeps the index itself once it is free", path);
            follower = new IndexFollower(dir, commits);
            follow();
        }
    }

    /**
     * Opens the writer and catches up; false when another process holds the index (nothing changed then). A damaged
     * index is rebuilt.
     */
    private boolean startWriting() {
        IndexWriter writer;
        try {
            writer = IndexSchema.newWriter(dir, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        } catch (LockObtainFailedException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            log.warn("The search index {} is unreadable ({}); rebuilding it from the database", path, e.getMessage());
            writer = recreate();
            if (writer == null) {
                return true; // given up: every search scans
            }
        }
        if (follower != null) {
            log.info("The search index {} is free again; this desk keeps it up to date from now on", path);
            live = null;
            follower.close();
            follower = null;
        }
        try {
            writing.resume(writer);
            pass();
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
        return true;
    }

    /**
     * While another process keeps the index: take it over if it has become free, else search its last commit (what
     * that commit covers is in its user data; everything newer is scanned).
     */
    private void follow() {
        if (!follower.due() || startWriting()) {
            return;
        }
        try {
            SearcherManager read = follower.refresh();
            live = read == null ? null : new Live(read, -1, true);
        } catch (IOException | RuntimeException e) {
            log.debug("following the search index", e);
            live = null;
            follower.close();
        }
    }

    /**
     * Deletes whatever is in the folder and starts an empty index, its writer taken on by {@link #writing}; null (scan
     * from now on) if even that fails.
     */
    private IndexWriter recreate() {
        try {
            for (String f : dir.listAll()) {
                if (!f.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    dir.deleteFile(f);
                }
            }
            IndexWriter writer = IndexSchema.newWriter(dir, IndexWriterConfig.OpenMode.CREATE);
            writing.startEmpty(writer);
            return writer;
        } catch (IOException | RuntimeException e) {
            log.warn("The search index {} cannot be rebuilt ({}); text search scans the database", path,
                    e.getMessage());
            closeQuietly();
            return null;
        }
    }

    /** One catch-up: rows that filled gaps, then every row above the highest indexed, then publish and commit. */
    private void pass() {
        pending.set(false);
        if (closed) {
            return;
        }
        if (follower != null) {
            follow();
            return;
        }
        if (!writing.active() || waitForBulkImport()) {
            return;
        }
        try {
            writing.pass();
        } catch (StoreException e) {
            // the database, not the index: try again on the next pass (what is not indexed is scanned meanwhile)
            log.warn("The search index could not read new mentions ({}); it tries again shortly", e.getMessage());
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    /** A search could not read the index: rebuild it (on the index's thread). */
    private void readFailed(Throwable e) {
        if (closed || live == null) {
            return;
        }
        live = null;
        try {
            executor.execute(() -> fail(e));
        } catch (RejectedExecutionException ignored) {
            // shutting down
        }
    }

    private void fail(Throwable e) {
        live = null;
        if (closed) {
            return;
        }
        if (follower != null) {
            follower.close(); // another process keeps the index; read its next commit afresh
            return;
        }
        closeQuietly();
        if (rebuilds++ >= MAX_REBUILDS) {
            log.warn("The search index {} failed again ({}); text search scans the database until the next start",
                    path, e.getMessage());
            return;
        }
        log.warn("The search index {} failed ({}); rebuilding it, text search scans the database meanwhile", path,
                e.getMessage());
        try {
            dir = FSDirectory.open(path);
        } catch (IOException io) {
            log.warn("The search index folder {} cannot be used ({})", path, io.getMessage());
            return;
        }
        if (recreate() != null) {
            try {
                writing.openSearchers();
                pass();
            } catch (IOException | RuntimeException again) {
                fail(again);
            }
        }
    }

    private void closeQuietly() {
        if (follower != null) {
            follower.close();
        }
        writing.discard();
        try {
            if (dir != null) {
                dir.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // being discarded
        }
        dir = null;
    }

    /** Commits what is indexed (so the next start only reads what is new) and closes; waits up to 15 s. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        live = null;
        try {
            Future<?> done = executor.submit(this::shutdown);
            done.get(15, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("search index executor already stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("The search index did not close cleanly ({}); it catches up at the next start", e.getMessage());
        }
    }

    private void shutdown() {
        if (!writing.active()) {
            closeQuietly();
            return;
        }
        try {
            writing.close();
            dir.close();
        } catch (IOException | RuntimeException e) {
            log.warn("The search index did not close cleanly ({}); it catches up at the next start", e.getMessage());
            closeQuietly();
        }
        dir = null;
    }
}
