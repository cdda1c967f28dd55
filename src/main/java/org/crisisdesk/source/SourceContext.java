package org.crisisdesk.source;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.crisisdesk.mention.Mention;

/** What the collector offers a running source. Called from the source's own thread. */
public interface SourceContext {
    /** Position stored with the last delivered batch, if any. */
    Optional<String> checkpoint();

    /**
     * Classifies and stores the batch and moves the checkpoint to {@code newPosition} in the same transaction.
     *
     * @return how many of the mentions were new
     */
    int deliver(List<Mention> batch, String newPosition);

    void report(SourceStatus status);

    /** True once the collector was asked to stop; sources finish the current batch and return. */
    boolean stopping();

    /** Waits up to {@code duration}, returning early (false) when asked to stop. Never interrupts JDBC. */
    boolean sleep(Duration duration) throws InterruptedException;

    Clock clock();
}
