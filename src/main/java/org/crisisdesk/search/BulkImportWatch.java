package org.crisisdesk.search;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a bulk import from a live stream by the rate of stored mentions: above {@code bulkRate} a second (a live
 * crisis desk sees about 2,000) indexing waits, for at most {@link #MAX_WAIT_NANOS}, so the import has both cores;
 * searches meanwhile scan the rows above what the index covers, so they stay complete. {@link #stored} is called from
 * any thread, {@link #holdsIndexing} from the index's thread only.
 */
final class BulkImportWatch {
    /** The rate above which a bulk import is taken to be running, by default. */
    static final double BULK_RATE = 5_000;
    /** How often the rate is measured; a pass held back is tried again after this long. */
    static final long RATE_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final double bulkRate;
    /** Mentions stored since the index was opened (by this process's ingests). */
    private final AtomicLong storedRows = new AtomicLong();
    // Owned by the index's thread.
    private long rateCheckedAt = System.nanoTime();
    private long rowsAtRateCheck;
    private double storeRate;
    private long bulkSince;

    BulkImportWatch(double bulkRate) {
        this.bulkRate = bulkRate;
    }

    /** {@code rows} new mentions were committed. */
    void stored(int rows) {
        storedRows.addAndGet(rows);
    }

    /**
     * True while a bulk import stores faster than the bulk rate (for at most {@link #MAX_WAIT_NANOS}): the caller
     * tries its pass again in {@link #RATE_WINDOW_NANOS}.
     */
    boolean holdsIndexing() {
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
                    Math.round(storeRate), TimeUnit.NANOSECONDS.toSeconds(MAX_WAIT_NANOS));
        }
        return now - bulkSince <= MAX_WAIT_NANOS;
    }
}
