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
    private volatile boolean stopping;
    private volatile SourceStatus status = SourceStatus.of(SourceStatus.State.STARTING, null);
    private Future<?> running;

    public Collector(MentionSource source, IngestPipeline pipeline, MentionStore store, Clock clock) {
        this.source = source;
        this.pipeline = pipeline;
        this.store = store;
        this.clock = clock;
        this.thread = Executors.newSingleThreadExecutor(WorkerThreads.named("source-" + source.key(),
                WorkerThreads.BULK));
    }

    public void addListener(IngestListener listener) {
        listeners.add(listener);
    }

    public MentionSource source() {
        return source;
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
            source.run(ctx);
            ctx.report(SourceStatus.of(stopping ? SourceStatus.State.STOPPED : SourceStatus.State.FINISHED, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ctx.report(SourceStatus.of(SourceStatus.State.STOPPED, null));
        } catch (RuntimeException e) {
            log.error("Source {} failed", source.key(), e);
            ctx.report(SourceStatus.of(SourceStatus.State.FAILED, e.getMessage()));
        }
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
            return stopping;
        }

        @Override
        public boolean sleep(Duration duration) throws InterruptedException {
            lock.lock();
            try {
                if (!stopping && duration.toNanos() > 0) {
                    wake.awaitNanos(duration.toNanos());
                }
                return !stopping;
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
