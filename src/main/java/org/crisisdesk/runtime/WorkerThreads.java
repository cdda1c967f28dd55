package org.crisisdesk.runtime;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads for background work, named for thread dumps and profiles, with a priority below the JavaFX threads.
 *
 * <p>On two cores a burst keeps the collector, the search index (and its Lucene merges, which inherit the priority of
 * the thread that starts them) and the database busy enough to hold the JavaFX thread in the run queue for a
 * hundred milliseconds and more. Java priorities only reach the OS with {@code -XX:ThreadPriorityPolicy=1} (set by
 * {@code mvn javafx:run}, the installer and the tests); Linux then runs priority 3 at nice 2 and 4 at nice 1, and
 * priority 1 at nice 19 ({@code -XX:JavaPriority1_To_OSPriority=19}, set beside it: at its default of nice 4 the
 * collector and the index still delayed enough frames to hold the 99th percentile at its limit). A user may raise
 * nice without privileges; the JavaFX and render threads stay at nice 0. Without the options the priorities are
 * ignored and nothing else changes.
 */
public final class WorkerThreads {
    /** Ingest (collector, import preparation) and the search index: throughput, never in the way of the screen. */
    public static final int BULK = Thread.MIN_PRIORITY;
    /** Timers (alert checks, board statistics): due every few seconds, not within a frame. */
    public static final int TIMERS = Thread.NORM_PRIORITY - 2;
    /** Reads the screen waits for (pages, counts): just below the JavaFX threads. */
    public static final int SCREEN_IO = Thread.NORM_PRIORITY - 1;

    private WorkerThreads() {}

    /** Threads named {@code prefix-1}, {@code prefix-2}, ... at {@code priority}. */
    public static ThreadFactory named(String prefix, int priority) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        };
    }
}
