package org.crisisdesk.search;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.SearcherManager;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.MentionStore.IndexRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer's side while this process keeps the index, and its commit policy: adds what the database holds above
 * the highest indexed pk (and rows that turned up in {@link PkGaps gaps}) in batches, makes it searchable at most once
 * a second (every refresh is a new Lucene segment), and commits a few seconds after a change (once a minute during a
 * long catch-up) with what it covers in the {@link IndexCommitData commit data}, so a restart reads only what is new.
 * Owned by the index's thread; {@link #indexedSinceOpen()} may be read from any.
 */
final class IndexWriting {
    /** How long a gap in the pk sequence may be an insert not yet committed; after that it is taken as a hole. */
    static final Duration GRACE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);
    private static final int BATCH = 2_000;
    private static final long PUBLISH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long COMMIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long BULK_COMMIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** Told what searches may use now: the searchers and the pk up to which they hold every mention. */
    interface Publisher {
        void publish(SearcherManager searchers, long covered);
    }

    private final Path path;
    private final MentionStore store;
    private final IndexCommitData commits;
    private final Publisher publisher;
    /** Asks for another pass in so many nanoseconds. */
    private final LongConsumer passAgainIn;
    /** True when the index is closing: a long catch-up stops. */
    private final BooleanSupplier closing;
    /** True while a bulk import runs: a long catch-up stops for it (and asks for another pass). */
    private final BooleanSupplier bulkImport;

    private IndexWriter writer;
    private SearcherManager searchers;
    private long highest;
    /** Missing pks between covered and highest. */
    private final PkGaps gaps = new PkGaps();
    private long lastCommit = System.nanoTime();
    private boolean dirty;
    private long lastPublished = System.nanoTime() - PUBLISH_NANOS;
    private boolean unpublished;
    /** Mentions written to the index since it was opened (a restart reads only what is new). */
    private volatile long indexedSinceOpen;

    IndexWriting(Path path, MentionStore store, IndexCommitData commits, Publisher publisher, LongConsumer passAgainIn,
            BooleanSupplier closing, BooleanSupplier bulkImport) {
        this.path = path;
        this.store = store;
        this.commits = commits;
        this.publisher = publisher;
        this.passAgainIn = passAgainIn;
        this.closing = closing;
        this.bulkImport = bulkImport;
    }

    /** Takes {@code opened} on, empty: what it held is rebuilt from the database. */
    void startEmpty(IndexWriter opened) {
        writer = opened;
        highest = 0;
        gaps.clear();
        dirty = true;
    }

    /**
     * Takes {@code opened} on, resuming from its last commit, or emptying it when that commit is stale (another
     * format, database or backup); then publishes what it holds.
     */
    void resume(IndexWriter opened) throws IOException {
        writer = opened;
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> committed = writer.getLiveCommitData();
        if (committed != null) {
            committed.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        String stale = commits.staleReason(data);
        if (stale != null) {
            log.info("Building the search index in {} ({})", path, stale);
            writer.deleteAll();
            highest = 0;
            dirty = true;
        } else {
            highest = Long.parseLong(data.get("highest"));
            long covered = Long.parseLong(data.get("covered"));
            if (covered < highest) {
                gaps.add(covered + 1, highest, System.nanoTime()); // re-read, it may have filled
            }
        }
        openSearchers();
    }

    /** Opens the searchers over the writer and publishes them; a {@link #pass()} catches up. */
    void openSearchers() throws IOException {
        searchers = new SearcherManager(writer, IndexSchema.NO_CACHE);
        publish();
    }

    /** Whether a writer and its searchers are open. */
    boolean active() {
        return writer != null && searchers != null;
    }

    long indexedSinceOpen() {
        return indexedSinceOpen;
    }

    /** One catch-up: rows that filled gaps, then every row above the highest indexed, then publish and commit. */
    void pass() throws IOException {
        long started = System.nanoTime();
        int added = gaps.refill(store, writer, BATCH);
        while (!closing.getAsBoolean()) {
            List<IndexRow> rows = store.textsAfter(highest, BATCH);
            for (IndexRow r : rows) {
                if (r.pk() > highest + 1) {
                    gaps.add(highest + 1, r.pk() - 1, System.nanoTime());
                }
                writer.addDocument(IndexSchema.document(r));
                highest = r.pk();
            }
            added += rows.size();
            indexedSinceOpen += rows.size();
            if (rows.size() < BATCH || bulkImport.getAsBoolean()) {
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
        gaps.expire(GRACE);
        if (added > 0 || holes != gaps.size() || unpublished) {
            publishSoon();
            dirty = true;
            if (added > 10_000) {
                log.info("Search index: {} mentions indexed in {} ms, covers pk {}", added,
                        (System.nanoTime() - started) / 1_000_000, gaps.covered(highest));
            }
        }
        if (dirty && System.nanoTime() - lastCommit > COMMIT_NANOS) {
            commit();
        }
    }

    private void publish() throws IOException {
        searchers.maybeRefreshBlocking();
        publisher.publish(searchers, gaps.covered(highest));
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
            passAgainIn.accept(wait);
        }
    }

    private void commit() throws IOException {
        writer.setLiveCommitData(commits.of(highest, gaps.covered(highest)).entrySet());
        writer.commit();
        lastCommit = System.nanoTime();
        dirty = false;
    }

    /** Commits what is indexed (so the next start only reads what is new) and closes. */
    void close() throws IOException {
        if (dirty) {
            commit();
        }
        searchers.close();
        writer.close();
        searchers = null;
        writer = null;
    }

    /** Drops what is not committed and lets go of the writer and its searchers (being discarded or rebuilt). */
    void discard() {
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
        searchers = null;
        writer = null;
    }
}
