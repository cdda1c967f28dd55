package org.crisisdesk.usage;

/**
 * Where the X adapter reports what it read and created. Called on the collector's and the outbox's threads, after X
 * answered; implementations must be thread-safe and must not throw (a failed count never fails a poll or a post).
 */
@FunctionalInterface
public interface UsageRecorder {
    /** Counts nothing: a drill, a test, a one-off check. */
    UsageRecorder NONE = (kind, posts) -> {};

    void record(UsageKind kind, long posts);
}
