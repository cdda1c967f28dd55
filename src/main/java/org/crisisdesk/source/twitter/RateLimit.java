package org.crisisdesk.source.twitter;

import java.time.Instant;

/**
 * One endpoint's rate-limit window as the last response described it ({@code x-rate-limit-limit},
 * {@code x-rate-limit-remaining}, {@code x-rate-limit-reset}).
 */
public record RateLimit(int limit, int remaining, Instant reset) {

    /** Whether the window this describes is still running at {@code now}. */
    public boolean current(Instant now) {
        return reset != null && now.isBefore(reset);
    }
}
