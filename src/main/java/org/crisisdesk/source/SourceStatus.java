package org.crisisdesk.source;

import java.time.Instant;

/**
 * What a source is doing, for the status bar and the collect command's progress lines.
 *
 * @param until          end of a back-off, pause, rate-limit window or usage cap, or null
 * @param rateRemaining  requests left in the current rate-limit window, or null when unknown
 * @param lastPoll       time of the last completed poll, or null
 * @param gapBefore      mentions posted before this may be missing (more arrived than the API lets a source page
 *                       back to, and search could not fill it), or null; an instant, so each reader shows it in its
 *                       own zone
 * @param gapAfter       with {@code gapBefore}: the missing span starts here (the last mention stored before it), or
 *                       null when only its end is known
 */
public record SourceStatus(State state, String detail, Instant until, Integer rateRemaining, Instant lastPoll,
        Instant gapBefore, Instant gapAfter) {

    public SourceStatus(State state, String detail, Instant until, Integer rateRemaining, Instant lastPoll,
            Instant gapBefore) {
        this(state, detail, until, rateRemaining, lastPoll, gapBefore, null);
    }

    public SourceStatus(State state, String detail, Instant until, Integer rateRemaining, Instant lastPoll) {
        this(state, detail, until, rateRemaining, lastPoll, null, null);
    }

    public enum State {
        STARTING,
        LIVE,
        CATCHING_UP,
        PAUSED,
        BACKING_OFF,
        /** 401: the keys are wrong, expired or revoked. Polling stops. */
        CREDENTIALS_REJECTED,
        FINISHED,
        STOPPED,
        FAILED,
        /** 429 within X's 15-minute window: waiting until {@link #until()}. */
        RATE_LIMITED,
        /**
         * 429 usage-capped: the project's monthly cap is used up; no request until {@link #until()}, the reset day
         * X's usage endpoint (or the billing day setting) names, or an hour when neither is known.
         */
        USAGE_CAPPED,
        /** 403 client-not-enrolled or code 453: the access level lacks the endpoint the detail names. Polling stops. */
        ACCESS_LEVEL,
        /** Another process holds the collector lease (the detail names it) and collects for every desk. */
        STANDBY
    }

    public static SourceStatus of(State state, String detail) {
        return new SourceStatus(state, detail, null, null, null);
    }
}
