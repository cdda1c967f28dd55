package org.crisisdesk.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.MentionStore.IndexRow;
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
 * the row turns up or, after {@link #GRACE}, is taken to be a rolled-back insert. Mentions above {@code covered} are
 * scanned by the store, so a search is complete while the index catches up, and when the index is missing, broken or
 * held by another desk on the same home, every search scans (slower, same results).
 */
public final class SearchIndex implements TextIndex, AutoCloseable {
    /** The index's folder inside the app home. */
    public static final String DIR = "search-index";
    /** How long a gap in the pk sequence may be an insert not yet committed; after that it is taken as a hole. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    /** Bump when {@link Grams} or the document layout change: an older index is then rebuilt. */
    private static final String FORMAT = "bigram-1";
    private static final String PK = "pk";
    private static final String GRAM = "g";
    private static final Sort NEWEST_FIRST = new Sort(new SortField(PK, SortField.Type.LONG, true));
    private static final FieldType GRAM_TYPE = new FieldType();
    /**
     * Searchers without Lucene's query cache: it would turn a frequent gram's postings into a bitset over the whole
     * index (tens of ms at 1M), where a newest-first search only reads the first page of each segment.
     */
    private static final SearcherFactory NO_CACHE = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader,
                org.apache.lucene.index.IndexReader previousReader) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);
            return searcher;
        }
    };
    private static final int BATCH = 2_000;
    private static final long PUBLISH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long COMMIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long BULK_COMMIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int MAX_REBUILDS = 2;
    private static final long FOLLOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * Above this many new mentions a second a bulk import is running (a live crisis desk sees about 2,000): indexing
     * then waits, for at most {@link #MAX_BULK_WAIT_NANOS}, so the import has both cores; searches meanwhile scan the
     * rows above what the index covers, so they stay complete.
     */
    private static final double BULK_RATE = 5_000;
    private static final long MAX_BULK_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long RATE_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    static {
        GRAM_TYPE.setIndexOptions(IndexOptions.DOCS);
        GRAM_TYPE.setTokenized(true);
        GRAM_TYPE.setOmitNorms(true);
        GRAM_TYPE.freeze();
    }

    private final Path path;
    private final String database;
    private final MentionStore store;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final double bulkRate;
    /** Mentions stored since the index was opened (by this process's ingests). */
    private final java.util.concurrent.atomic.AtomicLong storedRows = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean closed;
    /** What searches use; null while the index cannot answer. */
    private volatile Live live;

    // Owned by the executor's thread.
    private Directory dir;
    private IndexWriter writer;
    private SearcherManager searchers;
    private long highest;
    /** Missing pks between covered and highest: first pk -> {last pk, System.nanoTime() when first seen}. */
    private final TreeMap<Long, long[]> gaps = new TreeMap<>();
    private long lastCommit = System.nanoTime();
    private boolean dirty;
    private int rebuilds;
    /** Another process keeps the index: this one only reads its commits. */
    private boolean following;
    private long lastFollow;
    private long rateCheckedAt = System.nanoTime();
    private long lastPublished = System.nanoTime() - PUBLISH_NANOS;
    private boolean unpublished;
    private long rowsAtRateCheck;
    private double storeRate;
    private long bulkSince;
    /** Mentions written to the index since it was opened (a restart reads only what is new). */
    private volatile long indexedSinceOpen;

    /** A follower's searchers read another process's commits; what each covers is in its own commit data. */
    private record Live(SearcherManager searchers, long covered, boolean follower) {}

    private SearchIndex(Path path, String database, MentionStore store, ScheduledExecutorService executor,
            double bulkRate) {
        this.bulkRate = bulkRate;
        this.path = path;
        this.database = database;
        this.store = store;
        this.executor = executor;
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
        return open(path, database, store, executor, period, BULK_RATE);
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
        long covered = l.follower ? committedCovered(searcher) : l.covered;
        if (covered < 0) {
            try {
                l.searchers.release(searcher);
            } catch (IOException | RuntimeException ignored) {
                // scanning instead
            }
            return null;
        }
        return new Snap(l.searchers, searcher, covered, grams);
    }

    private final class Snap implements Snapshot {
        private final SearcherManager owner;
        private final IndexSearcher searcher;
        private final long covered;
        private final Set<String> grams;

        Snap(SearcherManager owner, IndexSearcher searcher, long covered, Set<String> grams) {
            this.owner = owner;
            this.searcher = searcher;
            this.covered = covered;
            this.grams = grams;
        }

        @Override
        public long covered() {
            return covered;
        }

        @Override
        public long[] next(long belowPk, int n) {
            long upper = Math.min(belowPk - 1, covered);
            if (upper < 0 || n <= 0) {
                return new long[0];
            }
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            for (String g : grams) {
                q.add(new TermQuery(new Term(GRAM, g)), BooleanClause.Occur.FILTER);
            }
            // the index is sorted by pk: the range is a run of doc ids in each segment, found by binary search
            q.add(new IndexSortSortedNumericDocValuesRangeQuery(PK, Long.MIN_VALUE, upper,
                    LongPoint.newRangeQuery(PK, Long.MIN_VALUE, upper)), BooleanClause.Occur.FILTER);
            try {
                TopFieldDocs top = searcher.search(q.build(), n, NEWEST_FIRST);
                long[] pks = new long[top.scoreDocs.length];
                int i = 0;
                for (ScoreDoc d : top.scoreDocs) {
                    pks[i++] = (Long) ((FieldDoc) d).fields[0];
                }
                return pks;
            } catch (IOException | RuntimeException e) {
                readFailed(e);
                throw new Unavailable("the search index could not be read (" + e.getMessage() + ")", e);
            }
        }

        @Override
        public void close() {
            try {
                owner.release(searcher);
            } catch (IOException | RuntimeException e) {
                log.debug("releasing a searcher", e);
            }
        }
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
                return committedCovered(s);
            } finally {
                l.searchers.release(s);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Mentions written to the index since it was opened (all of them after a rebuild; the new ones after a restart). */
    public long indexedSinceOpen() {
        return indexedSinceOpen;
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
        storedRows.addAndGet(rows);
        changed();
    }

    /**
     * True while a bulk import stores faster than {@link #bulkRate} (for at most {@link #MAX_BULK_WAIT_NANOS}): the
     * pass is tried again in half a second instead. Executor thread only.
     */
    private boolean waitForBulkImport() {
        long now = System.nanoTime();
        if (now - rateCheckedAt >= RATE_WINDOW_NANOS) {
            long rows = storedRows.get();
            storeRate = (rows - rowsAtRateCheck) * 1e9 / (now - rateCheckedAt);
            rowsAtRateCheck = rows;
            rateCheckedAt = now;
        }
        if (storeRate <= bulkRate) {
            bulkSince = 0;
            return false;
        }
        if (bulkSince == 0) {
            bulkSince = now;
            log.info("Search index: a bulk import is storing {} mentions/s; indexing waits until it ends (at most {} s)",
                    Math.round(storeRate), TimeUnit.NANOSECONDS.toSeconds(MAX_BULK_WAIT_NANOS));
        }
        if (now - bulkSince > MAX_BULK_WAIT_NANOS) {
            return false;
        }
        try {
            executor.schedule(this::changed, RATE_WINDOW_NANOS, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down
        }
        return true;
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
            following = true;
            follow();
        }
    }

    /**
     * Opens the writer and catches up; false when another process holds the index (nothing changed then). A damaged
     * index is rebuilt.
     */
    private boolean startWriting() {
        try {
            writer = newWriter(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        } catch (LockObtainFailedException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            log.warn("The search index {} is unreadable ({}); rebuilding it from the database", path, e.getMessage());
            if (!recreate()) {
                return true; // given up: every search scans
            }
        }
        if (following) {
            log.info("The search index {} is free again; this desk keeps it up to date from now on", path);
            following = false;
            live = null;
            closeSearchers();
        }
        try {
            Map<String, String> data = new HashMap<>();
            Iterable<Map.Entry<String, String>> committed = writer.getLiveCommitData();
            if (committed != null) {
                committed.forEach(e -> data.put(e.getKey(), e.getValue()));
            }
            String stale = staleReason(data);
            if (stale != null) {
                log.info("Building the search index in {} ({})", path, stale);
                writer.deleteAll();
                highest = 0;
                dirty = true;
            } else {
                highest = Long.parseLong(data.get("highest"));
                long covered = Long.parseLong(data.get("covered"));
                if (covered < highest) {
                    gaps.put(covered + 1, new long[] {highest, System.nanoTime()}); // re-read, it may have filled
                }
            }
            searchers = new SearcherManager(writer, NO_CACHE);
            publish();
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
        long now = System.nanoTime();
        if (now - lastFollow < FOLLOW_NANOS && searchers != null) {
            return;
        }
        lastFollow = now;
        if (startWriting()) {
            return;
        }
        try {
            if (searchers == null) {
                if (!DirectoryReader.indexExists(dir)) {
                    return;
                }
                searchers = new SearcherManager(DirectoryReader.open(dir), NO_CACHE);
            } else {
                searchers.maybeRefreshBlocking();
            }
            IndexSearcher s = searchers.acquire();
            try {
                Map<String, String> data = ((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData();
                live = staleReason(data) == null ? new Live(searchers, -1, true) : null;
            } finally {
                searchers.release(s);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("following the search index", e);
            live = null;
            closeSearchers();
        }
    }

    /** What the commit a follower's searcher reads covers, or -1 when it is not this database's. */
    private long committedCovered(IndexSearcher searcher) {
        try {
            Map<String, String> data = ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData();
            if (!FORMAT.equals(data.get("format")) || !database.equals(data.get("db"))) {
                return -1;
            }
            return Long.parseLong(data.get("covered"));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private void closeSearchers() {
        try {
            if (searchers != null) {
                searchers.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // being replaced
        }
        searchers = null;
    }

    /** Why the committed index cannot be used for this database, or null when it can. */
    private String staleReason(Map<String, String> data) {
        if (data.isEmpty()) {
            return "none yet";
        }
        if (!FORMAT.equals(data.get("format"))) {
            return "made by another version";
        }
        if (!database.equals(data.get("db"))) {
            return "made for another database, " + data.get("db");
        }
        try {
            long top = Long.parseLong(data.get("highest"));
            Long.parseLong(data.get("covered"));
            if (top > 0 && !store.identity(top).orElse("").equals(data.get("tip"))) {
                return "the database is not the one it was made from: restored from a backup?";
            }
        } catch (RuntimeException e) {
            return "its records are unreadable";
        }
        return null;
    }

    private IndexWriter newWriter(IndexWriterConfig.OpenMode mode) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig();
        config.setOpenMode(mode);
        config.setIndexSort(NEWEST_FIRST); // a newest-first search stops at the first page of each segment
        config.setRAMBufferSizeMB(48);
        config.setCommitOnClose(false);
        return new IndexWriter(dir, config);
    }

    /** Deletes whatever is in the folder and starts an empty index; false (scan from now on) if even that fails. */
    private boolean recreate() {
        try {
            for (String f : dir.listAll()) {
                if (!f.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    dir.deleteFile(f);
                }
            }
            writer = newWriter(IndexWriterConfig.OpenMode.CREATE);
            highest = 0;
            gaps.clear();
            dirty = true;
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("The search index {} cannot be rebuilt ({}); text search scans the database", path,
                    e.getMessage());
            closeQuietly();
            return false;
        }
    }

    /** One catch-up: rows that filled gaps, then every row above the highest indexed, then publish and commit. */
    private void pass() {
        pending.set(false);
        if (closed) {
            return;
        }
        if (following) {
            follow();
            return;
        }
        if (writer == null || searchers == null || waitForBulkImport()) {
            return;
        }
        try {
            long started = System.nanoTime();
            int added = refillGaps();
            while (!closed) {
                List<IndexRow> rows = store.textsAfter(highest, BATCH);
                for (IndexRow r : rows) {
                    if (r.pk() > highest + 1) {
                        gaps.put(highest + 1, new long[] {r.pk() - 1, System.nanoTime()});
                    }
                    writer.addDocument(document(r));
                    highest = r.pk();
                }
                added += rows.size();
                indexedSinceOpen += rows.size();
                if (rows.size() < BATCH || waitForBulkImport()) {
                    break; // caught up, or a bulk import began meanwhile: it gets both cores, this resumes after it
                }
                long now = System.nanoTime();
                if (now - lastPublished > PUBLISH_NANOS) {
                    publish(); // a long catch-up is searchable as it goes
                }
                if (now - lastCommit > BULK_COMMIT_NANOS) {
                    commit(); // and a stopped one resumes where it was
                }
            }
            int holes = gaps.size();
            gaps.values().removeIf(g -> System.nanoTime() - g[1] > GRACE.toNanos());
            if (added > 0 || holes != gaps.size() || unpublished) {
                publishSoon();
                dirty = true;
                if (added > 10_000) {
                    log.info("Search index: {} mentions indexed in {} ms, covers pk {}", added,
                            (System.nanoTime() - started) / 1_000_000, covered());
                }
            }
            if (dirty && System.nanoTime() - lastCommit > COMMIT_NANOS) {
                commit();
            }
        } catch (StoreException e) {
            // the database, not the index: try again on the next pass (what is not indexed is scanned meanwhile)
            log.warn("The search index could not read new mentions ({}); it tries again shortly", e.getMessage());
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    /** Rows that have turned up in gaps (a slow commit) replace whatever the index held there. */
    private int refillGaps() throws IOException {
        int added = 0;
        for (Map.Entry<Long, long[]> gap : new ArrayList<>(gaps.entrySet())) {
            long from = gap.getKey();
            long to = gap.getValue()[0];
            long seen = gap.getValue()[1];
            List<IndexRow> rows = store.textsBetween(from, to, 1);
            if (rows.isEmpty()) {
                continue;
            }
            writer.deleteDocuments(LongPoint.newRangeQuery(PK, from, to));
            gaps.remove(from);
            long next = from;
            while (next <= to) {
                rows = store.textsBetween(next, to, BATCH);
                for (IndexRow r : rows) {
                    if (r.pk() > next) {
                        gaps.put(next, new long[] {r.pk() - 1, seen});
                    }
                    writer.addDocument(document(r));
                    next = r.pk() + 1;
                }
                added += rows.size();
                if (rows.size() < BATCH) {
                    if (next <= to) {
                        gaps.put(next, new long[] {to, seen});
                    }
                    break;
                }
            }
        }
        return added;
    }

    private static Document document(IndexRow r) {
        Document d = new Document();
        d.add(new LongPoint(PK, r.pk()));
        d.add(new NumericDocValuesField(PK, r.pk()));
        d.add(new Field(GRAM, new GramStream(Grams.ofText(r.text())), GRAM_TYPE));
        return d;
    }

    private void publish() throws IOException {
        searchers.maybeRefreshBlocking();
        live = new Live(searchers, gaps.isEmpty() ? highest : gaps.firstKey() - 1, false);
        lastPublished = System.nanoTime();
        unpublished = false;
    }

    /**
     * Publishes now, or at most a second after the last publish. Every refresh makes a new Lucene segment, and under a
     * steady stream (2,000 mentions a second in tenth-of-a-second batches) a refresh per batch cost more in segment
     * merging than the indexing itself. Searches stay complete meanwhile: rows above {@code covered} are scanned.
     */
    private void publishSoon() throws IOException {
        long wait = PUBLISH_NANOS - (System.nanoTime() - lastPublished);
        if (wait <= 0) {
            publish();
            return;
        }
        if (!unpublished) {
            unpublished = true;
            try {
                executor.schedule(this::changed, wait, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // shutting down
            }
        }
    }

    private void commit() throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put("format", FORMAT);
        data.put("db", database);
        data.put("highest", Long.toString(highest));
        data.put("covered", Long.toString(gaps.isEmpty() ? highest : gaps.firstKey() - 1));
        Optional<String> tip = highest > 0 ? store.identity(highest) : Optional.empty();
        data.put("tip", tip.orElse(""));
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        lastCommit = System.nanoTime();
        dirty = false;
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
        if (following) {
            closeSearchers(); // another process keeps the index; read its next commit afresh
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
        if (recreate()) {
            try {
                searchers = new SearcherManager(writer, NO_CACHE);
                publish();
                pass();
            } catch (IOException | RuntimeException again) {
                fail(again);
            }
        }
    }

    private void closeQuietly() {
        try {
            if (searchers != null) {
                searchers.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // being discarded
        }
        try {
            if (writer != null) {
                writer.rollback();
            }
        } catch (IOException | RuntimeException ignored) {
            // being discarded
        }
        try {
            if (dir != null) {
                dir.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // being discarded
        }
        searchers = null;
        writer = null;
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
        if (writer == null) {
            closeQuietly();
            return;
        }
        try {
            if (dirty) {
                commit();
            }
            searchers.close();
            writer.close();
            dir.close();
        } catch (IOException | RuntimeException e) {
            log.warn("The search index did not close cleanly ({}); it catches up at the next start", e.getMessage());
            closeQuietly();
        }
        searchers = null;
        writer = null;
        dir = null;
    }

    /** The grams of one text as a token stream (the index's own analysis: no analyzer involved). */
    private static final class GramStream extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Collection<String> grams;
        private Iterator<String> it;

        GramStream(Collection<String> grams) {
            this.grams = grams;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            it = grams.iterator();
        }

        @Override
        public boolean incrementToken() {
            clearAttributes();
            if (it == null || !it.hasNext()) {
                return false;
            }
            term.setEmpty().append(it.next());
            return true;
        }
    }
}
