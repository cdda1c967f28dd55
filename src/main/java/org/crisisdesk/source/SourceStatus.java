package org.crisisdesk.source;

import java.time.Instant;

/**
 * What a source is doing, for the status bar and the collect command's progress lines.
 *
 * @param until          end of a back-off or pause, or null
 * @param rateRemaining  requests left in the current rate-limit window, or null when unknown
 * @param lastPoll       time of the last completed poll, or null
 * @param gapBefore      mentions posted before this may be missing (more arrived than the API lets a source page
 *                       back to), or null; an instant, so each reader shows it in its own zone
 */
public record SourceStatus(State state, String detail, Instant until, Integer rateRemaining, Instant lastPoll,
        Instant gapBefore) {

    public SourceStatus(State state, String detail, Instant until, Integer rateRemaining, Instant lastPoll) {
        this(state, detail, until, rateRemaining, lastPoll, null);
    }

    public enum State {
        STARTING,
        LIVE,
        CATCHING_UP,
        PAUSED,
        BACKING_OFF,
        CREDENTIALS_REJECTED,
        FINISHED,
        STOPPED,
        FAILED,
        /** Another process holds the collector lease (the detail names it) and collects for every desk. */
        STANDBY
    }

    public static SourceStatus of(State state, String detail) {
        return new SourceStatus(state, detail, null, null, null);
    }
}
