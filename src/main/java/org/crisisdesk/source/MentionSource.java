package org.crisisdesk.source;

/**
 * Somewhere mentions come from: the X API, a replayed scenario. A source runs on its own pipeline thread, hands
 * batches to {@link SourceContext#deliver} (which returns only once they are stored) and returns from {@link #run}
 * when it is finished or {@link SourceContext#stopping()} says so.
 */
public interface MentionSource {
    /** Stable key under which the checkpoint is stored, e.g. {@code replay:launch-weekend} or {@code x:v2:12345}. */
    String key();

    /** What the status bar calls it ("Demo replay", "X v2 @desk_official"). */
    String displayName();

    void run(SourceContext context) throws InterruptedException;
}
