package org.crisisdesk.source;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.crisisdesk.mention.Checkpoint;
import org.crisisdesk.mention.Mention;
import org.crisisdesk.mention.MentionStore;
import org.crisisdesk.mention.StoredMention;
import org.crisisdesk.runtime.WorkerThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one source on its own named thread through the ingest pipeline and tells listeners what was stored.
 * Stopping never interrupts the thread (H2 closes its file on an interrupt); the source sees {@link #stop()} through
 * {@link SourceContext#stopping()} and its sleeps end early.
 */
public final class Collector implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Collector.class);

    private final MentionSource source;
    private final IngestPipeline pipeline;
    private final MentionStore store;
    private final Clock clock;
    private final List<IngestListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    /** A nudge that has not yet ended a pause; guarded by {@link #lock}. */
    private boolean nudged;
    private volatile boolean stopping;
    private volatile SourceStatus status = SourceStatus.of(SourceStatus.State.STARTING, null);
    private Future<?> running;
    /** On a shared database: only the holder of this lease polls the source (issue 21); null: always collect. */
    private CollectorLeaseStore lease;
    private Duration renewEvery = CollectorLeaseStore.RENEW_EVERY;
    private Duration retryEvery = CollectorLeaseStore.RETRY_EVERY;
    /** Set when our lease was taken over (or could not be renewed for its whole term): the source stops. */
    private volatile boolean leaseLost;
    /** Whether this process is the source's collector now (holds the lease, or runs a source without one). */
    private volatile boolean collecting;

    public Collector(MentionSource source, IngestPipeline pipeline, MentionStore store, Clock clock) {
        this.source = source;
        this.pipeline = pipeline;
        this.store = store;
        this.clock = clock;
        this.thread = Executors.newSingleThreadExecutor(WorkerThreads.named("source-" + source.key(),
                WorkerThreads.BULK));
    }

    /**
     * Collect only while holding {@code lease} for this source; until then report {@link SourceStatus.State#STANDBY}
     * with the holder's label, and try again every {@link CollectorLeaseStore#RETRY_EVERY}. Call before {@link #start()}.
     */
    public Collector withLease(CollectorLeaseStore lease) {
        return withLease(lease, CollectorLeaseStore.RENEW_EVERY, CollectorLeaseStore.RETRY_EVERY);
    }

    /** As {@link #withLease(CollectorLeaseStore)} with other periods (tests). */
    public synchronized Collector withLease(CollectorLeaseStore lease, Duration renewEvery, Duration retryEvery) {
        this.lease = lease;
        this.renewEvery = renewEvery;
        this.retryEvery = retryEvery;
        return this;
    }

    public void addListener(IngestListener listener) {
        listeners.add(listener);
    }

    public MentionSource source() {
        return source;
    }

    /**
     * Whether this process is the collector right now: it holds the source's lease (or runs a source that needs none)
     * and has not lost it. Work that must happen in exactly one process on a shared database (telling people who are
     * away of alerts) asks this. Any thread.
     */
    public boolean collecting() {
        return collecting && !leaseLost && !stopping;
    }

    public SourceStatus status() {
        return status;
    }

    public synchronized void start() {
        if (running == null) {
            running = thread.submit(this::runSource);
        }
    }

    private void runSource() {
        Context ctx = new Context();
        try {
            if (lease == null) {
                collecting = true;
                try {
                    source.run(ctx);
                } finally {
                    collecting = false;
                }
            } else {
                runLeased(ctx);
            }
            ctx.report(SourceStatus.of(stopping ? SourceStatus.State.STOPPED : SourceStatus.State.FINISHED, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.report(SourceStatus.of(SourceStatus.State.STOPPED, null));
        } catch (RuntimeException e) {
            log.error("Source {} failed", source.key(), e);
            ctx.report(SourceStatus.of(SourceStatus.State.FAILED, e.getMessage()));
        }
    }

    /**
     * Waits for the lease, runs the source while it is ours, and waits again when it was lost; a clean stop gives it
     * up so another process takes over at once.
     */
    private void runLeased(Context ctx) throws InterruptedException {
        String key = source.key();
        while (!stopping) {
            java.util.Optional<CollectorLeaseStore.Holder> other;
            try {
                other = lease.tryAcquire(key);
            } catch (RuntimeException e) {
                ctx.report(SourceStatus.of(SourceStatus.State.BACKING_OFF, e.getMessage()));
                ctx.sleep(retryEvery);
                continue;
            }
            if (other.isPresent()) {
                ctx.report(SourceStatus.of(SourceStatus.State.STANDBY, other.get().label()));
                ctx.sleep(retryEvery);
                continue;
            }
            log.info("Collecting {} (lease {})", key, lease.holderId());
            leaseLost = false;
            java.util.concurrent.ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(
                    WorkerThreads.named("lease-" + key, Thread.NORM_PRIORITY));
            java.time.Instant[] renewed = {clock.instant()};
            renewer.scheduleWithFixedDelay(() -> {
                try {
                    if (lease.renew(key)) {
                        renewed[0] = clock.instant();
                    } else {
                        loseLease(key, "taken over");
                    }
                } catch (RuntimeException e) {
                    // the database is away: another process may take the lease once it has expired
                    if (!clock.instant().isBefore(renewed[0].plus(CollectorLeaseStore.TTL))) {
                        loseLease(key, "not renewed: " + e.getMessage());
                    }
                }
            }, renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
            collecting = true;
            try {
                source.run(ctx);
            } finally {
                collecting = false;
                // never shutdownNow(): interrupting a renewal inside H2's file I/O closes the database file for
                // every user of it (ClosedByInterruptException); a renewal in progress is short, so let it end
                renewer.shutdown();
                awaitQuietly(renewer);
            }
            if (stopping || !leaseLost) {
                try {
                    lease.release(key);
                } catch (RuntimeException e) {
                    log.warn("Could not give up the lease of {}: {}", key, e.getMessage());
                }
                return;
            }
        }
    }

    private static void awaitQuietly(java.util.concurrent.ExecutorService executor) {
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                log.warn("The lease renewal did not end within 30 s; going on without it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loseLease(String key, String why) {
        if (!leaseLost) {
            log.warn("Stopped collecting {}: lease {}", key, why);
        }
        leaseLost = true;
        collecting = false;
        nudge();
    }

    /** Asks the source to stop after its current batch and waits up to {@code timeout} for it. */
    public boolean stop(Duration timeout) {
        stopping = true;
        nudge();
        thread.shutdown();
        try {
            return thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Wakes a sleeping source early (after pause/resume or a speed change). */
    public void nudge() {
        lock.lock();
        try {
            nudged = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private final class Context implements SourceContext {
        @Override
        public Optional<String> checkpoint() {
            return store.checkpoint(source.key());
        }

        @Override
        public int deliver(List<Mention> batch, String newPosition) {
            List<StoredMention> stored = pipeline.ingest(batch, new Checkpoint(source.key(), newPosition));
            if (!stored.isEmpty()) {
                for (IngestListener l : listeners) {
                    l.ingested(stored);
                }
            }
            return stored.size();
        }

        @Override
        public void report(SourceStatus newStatus) {
            SourceStatus before = status;
            if (before == null || before.state() != newStatus.state()) {
                // the state only: a detail may quote a damaged answer from the platform
                log.info("Source {}: {}{}", source.key(), newStatus.state(),
                        newStatus.until() == null ? "" : " until " + newStatus.until());
            }
            status = newStatus;
            for (IngestListener l : listeners) {
                l.status(source.displayName(), newStatus);
            }
        }

        @Override
        public boolean stopping() {
            return stopping || leaseLost;
        }

        @Override
        public boolean sleep(Duration duration) throws InterruptedException {
            lock.lock();
            try {
                long left = duration.toNanos();
                // loops because a spurious wake-up must not shorten the pause; a nudge ends it
                while (!stopping() && !nudged && left > 0) {
                    left = wake.awaitNanos(left);
                }
                nudged = false;
                return !stopping();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Clock clock() {
            return clock;
        }
    }
}
